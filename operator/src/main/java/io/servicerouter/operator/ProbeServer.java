package io.servicerouter.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A tiny HTTP server (JDK {@code com.sun.net.httpserver}) for the operator's probes and metrics (SPEC §7.1,
 * §7.2): {@code /healthz} and {@code /readyz} answer from suppliers, {@code /metrics} serves a text body.
 */
public final class ProbeServer implements AutoCloseable {

  private final HttpServer server;

  private ProbeServer(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code /healthz} (200 or 500) and {@code /readyz} (200 or 503). */
  public static ProbeServer health(InetSocketAddress address, BooleanSupplier healthy, BooleanSupplier ready)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/healthz", exchange -> respond(exchange, healthy.getAsBoolean() ? 200 : 500,
        healthy.getAsBoolean() ? "ok" : "unhealthy", "text/plain"));
    server.createContext("/readyz", exchange -> respond(exchange, ready.getAsBoolean() ? 200 : 503,
        ready.getAsBoolean() ? "ok" : "not ready", "text/plain"));
    return start(server);
  }

  /** Serves {@code /metrics} in the Prometheus text format. */
  public static ProbeServer metrics(InetSocketAddress address, Supplier<String> scrape) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/metrics", exchange -> respond(exchange, 200, scrape.get(),
        "text/plain; version=0.0.4; charset=utf-8"));
    return start(server);
  }

  /** The bound port (useful when binding port 0 in tests). */
  public int port() {
    return server.getAddress().getPort();
  }

  private static ProbeServer start(HttpServer server) {
    server.start();
    return new ProbeServer(server);
  }

  private static void respond(HttpExchange exchange, int status, String body, String contentType) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
