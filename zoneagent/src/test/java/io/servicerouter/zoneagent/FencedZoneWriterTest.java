package io.servicerouter.zoneagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servicerouter.fence.FenceRecords;
import io.servicerouter.fence.Holder;
import io.servicerouter.zoneagent.rfc2136.RecordMapping;
import io.servicerouter.zoneagent.rfc2136.Rfc2136Zone;
import io.servicerouter.zoneagent.rfc2136.ZoneLease;
import io.servicerouter.zoneagent.webhook.Changes;
import io.servicerouter.zoneagent.webhook.Endpoint;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.TSIG;

class FencedZoneWriterTest {

  private static final String ZONE = "weu.example.test";
  private static final Holder WEU = new Holder("aks01", "weu");

  @Test
  void anUnreachableDnsServerIsARefusalThatExternalDnsRetries() throws Exception {
    FenceMetrics metrics = new FenceMetrics();
    FencedZoneWriter writer = writer(closedPort(), metrics);
    Changes changes = new Changes(List.of(Endpoint.of("app." + ZONE, "CNAME", 5, List.of("gw.example.org"))),
        null, null, null);

    assertThatThrownBy(() -> writer.apply(changes)).isInstanceOf(Refusal.Refused.class)
        .hasMessageContaining("cannot read the lease")
        .satisfies(e -> assertThat(((Refusal.Refused) e).refusal()).isEqualTo(Refusal.DNS_ERROR));
    assertThat(metrics.rejected(Refusal.DNS_ERROR)).isEqualTo(1);
    assertThat(metrics.writes()).isZero();
    assertThatThrownBy(writer::records).isInstanceOf(IOException.class);
  }

  @Test
  void nothingToWriteSendsNothing() throws Exception {
    FenceMetrics metrics = new FenceMetrics();
    writer(closedPort(), metrics).apply(new Changes(null, null, null, null));
    assertThat(metrics.writes()).isZero();
    assertThat(metrics.rejected(Refusal.DNS_ERROR)).isZero();
  }

  private static FencedZoneWriter writer(int port, FenceMetrics metrics) {
    Rfc2136Zone zone = new Rfc2136Zone("127.0.0.1", port, ZONE,
        new TSIG(TSIG.HMAC_SHA256, "weu", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI="), Duration.ofSeconds(1));
    return new FencedZoneWriter(zone, new ZoneLease(zone, new FenceRecords("external-dns-weu", ZONE)), WEU, WEU,
        new RecordMapping(0), metrics, () -> { });
  }

  /** A port nothing listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
