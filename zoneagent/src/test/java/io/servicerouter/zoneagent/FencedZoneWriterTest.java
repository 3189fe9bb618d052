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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.TSIG;

class FencedZoneWriterTest {

  private static final String ZONE = "weu.example.test";
  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Changes CHANGES = new Changes(
      List.of(Endpoint.of("app." + ZONE, "CNAME", 5, List.of("gw.example.org"))), null, null, null);

  @Test
  void anUnreachableDnsServerIsARefusalThatExternalDnsRetries() throws Exception {
    FenceMetrics metrics = new FenceMetrics();
    FencedZoneWriter writer = writer(closedPort(), metrics);

    assertThatThrownBy(() -> writer.apply(CHANGES)).isInstanceOf(Refusal.Refused.class)
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

  @Test
  void writesAreRefusedWithoutAskingTheDnsServerOnceTheLastRenewalIsOlderThanItsDeadline() throws Exception {
    FenceMetrics metrics = new FenceMetrics();
    AtomicLong clock = new AtomicLong();
    RenewDeadline deadline = new RenewDeadline(clock::get);
    FencedZoneWriter writer = writer(closedPort(), metrics, deadline);

    // Manual mode: no renewal, no deadline, however long ago; the writer goes on to the DNS server (unreachable).
    clock.addAndGet(Duration.ofHours(1).toNanos());
    assertThatThrownBy(() -> writer.apply(CHANGES)).satisfies(refused(Refusal.DNS_ERROR));

    deadline.renewed(clock.get(), Duration.ofSeconds(1));
    clock.addAndGet(Duration.ofMillis(1000).toNanos());
    assertThatThrownBy(() -> writer.apply(CHANGES)).as("exactly D after the renewal's start")
        .satisfies(refused(Refusal.DNS_ERROR));
    clock.addAndGet(1);
    assertThatThrownBy(() -> writer.apply(CHANGES)).hasMessageContaining("more than the renew deadline of 1000 ms")
        .satisfies(refused(Refusal.RENEW_DEADLINE));
    assertThat(metrics.rejected(Refusal.RENEW_DEADLINE)).isEqualTo(1);
    assertThat(metrics.rejected(Refusal.DNS_ERROR)).as("the DNS server was not asked").isEqualTo(2);
    assertThat(metrics.scrape()).contains("servicerouter_fence_rejected_total{reason=\"renew_deadline\"} 1.0");

    deadline.renewed(clock.get(), Duration.ofSeconds(1));
    assertThatThrownBy(() -> writer.apply(CHANGES)).as("a renewal lets writes go on")
        .satisfies(refused(Refusal.DNS_ERROR));
  }

  private static Consumer<Throwable> refused(Refusal refusal) {
    return e -> assertThat(e).isInstanceOfSatisfying(Refusal.Refused.class,
        r -> assertThat(r.refusal()).isEqualTo(refusal));
  }

  private static FencedZoneWriter writer(int port, FenceMetrics metrics) {
    return writer(port, metrics, new RenewDeadline(System::nanoTime));
  }

  private static FencedZoneWriter writer(int port, FenceMetrics metrics, RenewDeadline deadline) {
    Rfc2136Zone zone = new Rfc2136Zone("127.0.0.1", port, ZONE,
        new TSIG(TSIG.HMAC_SHA256, "weu", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI="), Duration.ofSeconds(1));
    return new FencedZoneWriter(zone, new ZoneLease(zone, new FenceRecords("external-dns-weu", ZONE), WEU), WEU,
        WEU, new RecordMapping(0), metrics, deadline, () -> { });
  }

  /** A port nothing listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
