package io.servicerouter.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An HTTPS server in the test JVM answering {@code admission.k8s.io/v1} AdmissionReviews on {@code 127.0.0.1},
 * with the control plane's serving certificate. Several threads answer, so that a request held by a slow
 * decision (a test's callback that itself writes through the webhook) never blocks the others.
 */
final class AdmissionWebhookServer {

  /** A refusal: the HTTP status code the API server gives the client, and a message. */
  record Denial(int code, String message) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 8;

  private final HttpsServer server;
  private final ExecutorService executor;

  private AdmissionWebhookServer(HttpsServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on a free port, with no paths yet (see {@link #serve}). */
  static AdmissionWebhookServer start(Pki pki) {
    try {
      HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", FreePorts.tcp()), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(WebhookTls.serverContext(pki)));
      ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "admission-webhook");
        thread.setDaemon(true);
        return thread;
      });
      server.setExecutor(executor);
      server.start();
      return new AdmissionWebhookServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the admission webhook server", e);
    }
  }

  /** Answers the reviews posted to {@code path} with {@code decision}: allowed when it returns empty. */
  void serve(String path, Function<AdmissionRequest, Optional<Denial>> decision) {
    server.createContext(path, exchange -> answer(exchange, decision));
  }

  /** The URL of {@code path} on this server, for the webhook configuration. */
  String url(String path) {
    return "https://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Stops the server at once and its threads. */
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void answer(HttpExchange exchange, Function<AdmissionRequest, Optional<Denial>> decision)
      throws IOException {
    try (exchange) {
      JsonNode review = JSON.readTree(exchange.getRequestBody());
      AdmissionRequest request = AdmissionRequest.of(review.path("request"));
      byte[] body = JSON.writeValueAsBytes(response(review, request.uid(), decision.apply(request)));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static ObjectNode response(JsonNode review, String uid, Optional<Denial> denial) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("apiVersion", review.path("apiVersion").asText("admission.k8s.io/v1"));
    answer.put("kind", "AdmissionReview");
    ObjectNode response = answer.putObject("response");
    response.put("uid", uid);
    response.put("allowed", denial.isEmpty());
    denial.ifPresent(d -> response.putObject("status")
        .put("code", d.code()).put("reason", reason(d.code())).put("message", d.message()));
    return answer;
  }

  /** The Kubernetes {@code StatusReason} that goes with an HTTP status code, as the API server's own errors use. */
  private static String reason(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 409 -> "Conflict";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> "";
    };
  }
}
