package io.servicerouter.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeaseTest {

  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Holder NEU = new Holder("aks01", "neu");

  @Test
  void theTextRoundTrips() {
    Lease lease = new Lease(WEU, 7);
    assertThat(lease.text()).isEqualTo("v=1 holder=aks01/weu epoch=7");
    assertThat(Lease.parse(lease.text())).isEqualTo(lease);
    assertThat(Lease.parse("  v=1   epoch=7 holder=aks01/weu ")).isEqualTo(lease);
  }

  @Test
  void everyChangeRaisesTheEpochByOne() {
    Lease first = Lease.first(WEU);
    assertThat(first.epoch()).isEqualTo(1);
    Lease taken = first.takenBy(NEU);
    assertThat(taken).isEqualTo(new Lease(NEU, 2));
    assertThat(taken.heldBy(NEU)).isTrue();
    assertThat(taken.heldBy(WEU)).isFalse();
    assertThat(taken.takenBy(WEU)).isEqualTo(new Lease(WEU, 3));
  }

  @Test
  void badTextIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> Lease.parse("v=2 holder=aks01/weu epoch=1")).hasMessageContaining("version 2");
    assertThatThrownBy(() -> Lease.parse("v=1 holder=aks01/weu")).hasMessageContaining("epoch=");
    assertThatThrownBy(() -> Lease.parse("v=1 holder=aks01/weu epoch=x")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> Lease.parse("v=1 holder=aks01/weu epoch=0")).hasMessageContaining("starts at 1");
    assertThatThrownBy(() -> Lease.parse("v=1 v=1 holder=aks01/weu epoch=1")).hasMessageContaining("field 'v=1'");
    assertThatThrownBy(() -> Lease.parse("v=1 holder=aks01 epoch=1")).hasMessageContaining("cluster/region");
    assertThatThrownBy(() -> Lease.parse("v=1 holder=AKS/weu epoch=1")).hasMessageContaining("DNS-1123");
  }

  @Test
  void fenceRecordsAreNamedPerControllerAndRecognised() {
    FenceRecords records = new FenceRecords("external-dns-weu", "weu.example.test");
    assertThat(records.lease()).isEqualTo("_sr-lease.external-dns-weu.weu.example.test");
    assertThat(FenceRecords.isFenceName(records.lease() + ".")).isTrue();
    assertThat(FenceRecords.isFenceName("_SR-lease.x")).isTrue();
    assertThat(FenceRecords.isFenceName("_external-dns-owner.cname-app.weu.example.test")).isFalse();
  }
}
