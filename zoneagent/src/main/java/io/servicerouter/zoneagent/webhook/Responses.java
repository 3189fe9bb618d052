package io.servicerouter.zoneagent.webhook;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sends a complete response on the JDK's HTTP server: the one way the agent's two servers answer. */
public final class Responses {

  private Responses() {
  }

  /** Sends {@code body} with {@code status} and {@code contentType}, and closes the exchange. */
  public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sends a text body (UTF-8). */
  public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }
}
