package io.servicerouter.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProbeServerTest {

  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(ProbeServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyzAnswers503UntilReadyAndHealthzFollowsHealth() throws Exception {
    AtomicBoolean ready = new AtomicBoolean();
    AtomicBoolean healthy = new AtomicBoolean(true);
    try (ProbeServer server = ProbeServer.health(ANY_PORT, healthy::get, ready::get)) {
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);

      ready.set(true);
      healthy.set(false);

      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(500);
    }
  }

  @Test
  void metricsServeThePrometheusExposition() throws Exception {
    OperatorMetrics metrics = new OperatorMetrics("1.2.3");
    metrics.reconciled("serviceroute", true, java.time.Duration.ofMillis(5));
    metrics.leader(true);
    try (ProbeServer server = ProbeServer.metrics(ANY_PORT, metrics::scrape)) {
      String body = get(server, "/metrics").body();

      assertThat(body)
          .contains("servicerouter_reconcile_total{kind=\"serviceroute\",result=\"success\"} 1.0")
          .contains("servicerouter_reconcile_duration_seconds_bucket{kind=\"serviceroute\"")
          .contains("servicerouter_leader 1.0")
          .containsPattern("servicerouter_build_info\\{version=\"1.2.3\"} 1(\\.0)?\n");
    }
  }
}
