package io.servicerouter.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClaimTest {

  private static final Holder WEU = new Holder("aks01", "weu");

  @Test
  void theTextRoundTripsInAnyFieldOrder() {
    Claim claim = new Claim(WEU, 8, 12);
    assertThat(claim.text()).isEqualTo("v=1 home=aks01/weu seen=8 seq=12");
    assertThat(Claim.parse(claim.text())).isEqualTo(claim);
    assertThat(Claim.parse("seq=12 home=aks01/weu   seen=8 v=1 ")).isEqualTo(claim);
  }

  @Test
  void theNextClaimCountsUpAndCarriesTheEpochSeenNow() {
    assertThat(new Claim(WEU, 8, 12).next(9)).isEqualTo(new Claim(WEU, 9, 13));
  }

  @Test
  void badTextIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> Claim.parse("home=aks01/weu seen=8 seq=1")).hasMessageContaining("version null");
    assertThatThrownBy(() -> Claim.parse("v=1 home=aks01/weu seq=1")).hasMessageContaining("seen=");
    assertThatThrownBy(() -> Claim.parse("v=1 holder=aks01/weu seen=8 seq=1")).hasMessageContaining("home=");
    assertThatThrownBy(() -> Claim.parse("v=1 home=aks01/weu seen=eight seq=1"))
        .hasMessageContaining("claim record's seen is not a number");
    assertThatThrownBy(() -> Claim.parse("v=1 home=aks01/WEU seen=8 seq=1")).hasMessageContaining("DNS-1123");
    assertThatThrownBy(() -> Claim.parse("v=1 home=aks01/weu seen=8 =1 seq=1"))
        .hasMessageContaining("not a claim record");
  }
}
