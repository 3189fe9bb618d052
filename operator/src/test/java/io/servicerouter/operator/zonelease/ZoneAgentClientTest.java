package io.servicerouter.operator.zonelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.servicerouter.fence.Claim;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseOp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a stub of the agent's management API: what it asks, and how it reads each answer. */
class ZoneAgentClientTest {

  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Holder NEU = new Holder("aks01", "neu");
  private static final Lease LEASE = new Lease(NEU, 8);
  private static final FenceState STATE = new FenceState(Optional.of(LEASE), Optional.of(new Heartbeat(NEU, 8, 3)),
      Optional.of(new Claim(WEU, 8, 0)));

  private final ZoneAgentClient client = new ZoneAgentClient();
  /** The requests the stub received, {@code METHOD path?query}. */
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer stub;
  private volatile int status = 200;
  private volatile String body = STATE.toJson();

  @BeforeEach
  void startStub() throws IOException {
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
          + (query == null ? "" : "?" + query));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  @Test
  void readsTheFenceStateAndTheLeaseOfIt() throws Exception {
    assertThat(client.state(agent())).isEqualTo(STATE);
    assertThat(client.current(agent())).contains(LEASE);
    body = "{}";
    assertThat(client.current(agent() + "/")).isEmpty();
    assertThat(requests).containsExactly("GET /lease", "GET /lease", "GET /lease");
  }

  @Test
  void theAutomaticOperationsSendWhatTheyExpectAndTell200From409() throws Exception {
    assertThat(client.renew(agent(), Duration.ofSeconds(6))).isEqualTo(new LeaseOp(true, STATE));
    assertThat(client.renew(agent(), Duration.ofMillis(1500)).changed()).isTrue();
    assertThat(client.takeOver(agent(), LEASE, Optional.of(new Heartbeat(NEU, 8, 3)))).isEqualTo(new LeaseOp(true,
        STATE));
    status = 409;
    assertThat(client.takeOver(agent(), LEASE, Optional.empty())).isEqualTo(new LeaseOp(false, STATE));
    assertThat(client.claim(agent(), 8)).isEqualTo(new LeaseOp(false, STATE));
    assertThat(requests).containsExactly("POST /lease/renew?deadlineSeconds=6", "POST /lease/renew?deadlineSeconds=1.5",
        "POST /lease/takeover?epoch=8&seq=3", "POST /lease/takeover?epoch=8", "POST /lease/claim?seen=8");
  }

  @Test
  void takeAndReleaseAnswerTheLeaseAfterwards() throws Exception {
    assertThat(client.take(agent())).contains(LEASE);
    body = "{\"holder\":\"aks01/weu\",\"epoch\":9}";
    assertThat(client.release(agent())).contains(new Lease(WEU, 9));
    assertThat(requests).containsExactly("POST /lease/take", "POST /lease/release");
  }

  @Test
  void otherStatusesAndUnreadableBodiesAreErrors() {
    status = 503;
    body = "no answer from the DNS server";
    assertThatThrownBy(() -> client.renew(agent(), Duration.ofSeconds(6))).isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 503: no answer from the DNS server");
    status = 200;
    body = "{\"holder\":\"aks01/neu\"}";
    assertThatThrownBy(() -> client.state(agent())).isInstanceOf(IOException.class)
        .hasMessageContaining("unreadable body");
  }

  @Test
  void aTakeoverComparesAHeartbeatOfTheExpectedLeaseOnly() {
    assertThatThrownBy(() -> client.takeOver(agent(), LEASE, Optional.of(new Heartbeat(NEU, 7, 3))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not of");
    assertThat(requests).isEmpty();
  }

  private String agent() {
    return "http://127.0.0.1:" + stub.getAddress().getPort();
  }
}
