package io.servicerouter.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeartbeatTest {

  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Holder NEU = new Holder("aks01", "neu");

  @Test
  void theTextRoundTripsInAnyFieldOrder() {
    Heartbeat heartbeat = new Heartbeat(WEU, 7, 4711);
    assertThat(heartbeat.text()).isEqualTo("v=1 holder=aks01/weu epoch=7 seq=4711");
    assertThat(Heartbeat.parse(heartbeat.text())).isEqualTo(heartbeat);
    assertThat(Heartbeat.parse(" seq=4711  epoch=7 v=1 holder=aks01/weu")).isEqualTo(heartbeat);
  }

  @Test
  void aLeaseChangeStartsTheSequenceAndRenewalsCountUpWithinTheEpoch() {
    Lease lease = new Lease(NEU, 8);
    Heartbeat first = Heartbeat.first(lease);
    assertThat(first).isEqualTo(new Heartbeat(NEU, 8, 0));
    assertThat(first.next().next()).isEqualTo(new Heartbeat(NEU, 8, 2));
    assertThat(first.next().belongsTo(lease)).isTrue();
    assertThat(first.belongsTo(lease.takenBy(NEU))).as("another epoch of the same holder").isFalse();
    assertThat(first.belongsTo(new Lease(WEU, 8))).as("another holder").isFalse();
  }

  @Test
  void badTextIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> Heartbeat.parse("v=2 holder=aks01/weu epoch=7 seq=1")).hasMessageContaining("version 2");
    assertThatThrownBy(() -> Heartbeat.parse("v=1 holder=aks01/weu epoch=7")).hasMessageContaining("seq=");
    assertThatThrownBy(() -> Heartbeat.parse("v=1 holder=aks01/weu seq=1")).hasMessageContaining("epoch=");
    assertThatThrownBy(() -> Heartbeat.parse("v=1 holder=aks01/weu epoch=7 seq=x"))
        .hasMessageContaining("heartbeat record's seq is not a number");
    assertThatThrownBy(() -> Heartbeat.parse("v=1 holder=aks01/weu epoch=7 seq=-1"))
        .hasMessageContaining("seq is not a number");
    assertThatThrownBy(() -> Heartbeat.parse("v=1 holder=aks01/weu epoch=7 seq=1 seq=2"))
        .hasMessageContaining("field 'seq=2'");
    assertThatThrownBy(() -> Heartbeat.parse("v=1 holder=weu epoch=7 seq=1")).hasMessageContaining("cluster/region");
    assertThatThrownBy(() -> Heartbeat.parse("v=1 holder=aks01/weu epoch=1 junk seq=1"))
        .hasMessageContaining("not a heartbeat record (field 'junk')");
  }

  @Test
  void fenceRecordsNameTheHeartbeatAndTheClaimNextToTheLease() {
    FenceRecords records = new FenceRecords("external-dns-weu", "weu.example.test");
    assertThat(records.heartbeat()).isEqualTo("_sr-hb.external-dns-weu.weu.example.test");
    assertThat(records.claim()).isEqualTo("_sr-claim.external-dns-weu.weu.example.test");
    assertThat(FenceRecords.isFenceName(records.heartbeat())).isTrue();
    assertThat(FenceRecords.isFenceName(records.claim())).isTrue();
  }
}
