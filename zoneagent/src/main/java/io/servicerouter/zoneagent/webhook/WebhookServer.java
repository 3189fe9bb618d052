package io.servicerouter.zoneagent.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * The ExternalDNS webhook provider API (ExternalDNS v0.22 {@code provider/webhook/api}): {@code GET /} negotiates
 * the media type and returns the domain filter, {@code GET /records} lists the zone, {@code POST /records} applies
 * a sync pass's changes (204), {@code POST /adjustendpoints} returns the endpoints unchanged (as the in-tree RFC
 * 2136 provider does). A refused or failed write is HTTP 503, which ExternalDNS treats as a soft error: it retries
 * next interval and keeps running (any other status, or no answer, makes it exit).
 */
public final class WebhookServer implements AutoCloseable {

  /** The media type ExternalDNS negotiates. */
  public static final String MEDIA_TYPE = "application/external.dns.webhook+json;version=1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Endpoint>> ENDPOINTS = new TypeReference<>() { };

  /** What the webhook serves. */
  public interface Provider {
    /** The zone's record sets. */
    List<Endpoint> records() throws IOException;

    /**
     * Applies changes.
     *
     * @throws Unavailable when the write is refused or failed; ExternalDNS gets 503 and retries
     */
    void apply(Changes changes) throws Unavailable;
  }

  /** A write not done now, for a reason ExternalDNS should retry after. */
  public static final class Unavailable extends Exception {
    /** @param message why, sent as the 503 body */
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpServer server;

  private WebhookServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves {@code provider} for the zone {@code domain} on {@code address}.
   */
  public static WebhookServer start(InetSocketAddress address, String domain, Provider provider) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    byte[] domainFilter = JSON.writeValueAsBytes(Map.of("include", List.of(domain)));
    server.createContext("/", exchange -> {
      if (!"/".equals(exchange.getRequestURI().getPath())) {
        Responses.send(exchange, 404, "text/plain", "not found");
      } else {
        Responses.send(exchange, 200, MEDIA_TYPE, domainFilter);
      }
    });
    server.createContext("/records", exchange -> records(exchange, provider));
    server.createContext("/adjustendpoints", exchange -> {
      if (!"POST".equals(exchange.getRequestMethod())) {
        Responses.send(exchange, 400, "text/plain", "POST only");
        return;
      }
      try {
        List<Endpoint> endpoints = JSON.readValue(body(exchange), ENDPOINTS);
        Responses.send(exchange, 200, MEDIA_TYPE, JSON.writeValueAsBytes(endpoints == null ? List.of() : endpoints));
      } catch (JsonProcessingException e) {
        Responses.send(exchange, 400, "text/plain", "not a list of endpoints: " + e.getOriginalMessage());
      }
    });
    server.start();
    return new WebhookServer(server);
  }

  private static void records(HttpExchange exchange, Provider provider) throws IOException {
    switch (exchange.getRequestMethod()) {
      case "GET" -> {
        try {
          Responses.send(exchange, 200, MEDIA_TYPE, JSON.writeValueAsBytes(provider.records()));
        } catch (IOException | RuntimeException e) {
          Responses.send(exchange, 503, "text/plain", "cannot list the zone: " + e.getMessage());
        }
      }
      case "POST" -> {
        Changes changes;
        try {
          changes = JSON.readValue(body(exchange), Changes.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          Responses.send(exchange, 400, "text/plain", "not a set of changes: " + e.getMessage());
          return;
        }
        try {
          provider.apply(changes);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        } catch (Unavailable e) {
          Responses.send(exchange, 503, "text/plain", e.getMessage());
        } catch (RuntimeException e) {
          Responses.send(exchange, 503, "text/plain", "write failed: " + e);
        }
      }
      default -> Responses.send(exchange, 400, "text/plain", "GET or POST only");
    }
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

}
