package io.servicerouter.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FenceStateTest {

  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Holder NEU = new Holder("aks01", "neu");
  private static final Lease LEASE = new Lease(NEU, 8);
  private static final FenceState FULL = new FenceState(Optional.of(LEASE),
      Optional.of(Heartbeat.first(LEASE).next()), Optional.of(new Claim(WEU, 8, 3)));

  @Test
  void theJsonKeepsTheLeaseAsHolderAndEpochAndTheOtherRecordsAsTheirText() {
    assertThat(FULL.toJson()).isEqualTo("{\"holder\":\"aks01/neu\",\"epoch\":8,"
        + "\"heartbeat\":\"v=1 holder=aks01/neu epoch=8 seq=1\",\"claim\":\"v=1 home=aks01/weu seen=8 seq=3\"}");
    assertThat(FenceState.fromJson(FULL.toJson())).isEqualTo(FULL);
  }

  @Test
  void absentRecordsAreAbsentMembersAndRoundTrip() {
    assertThat(FenceState.NONE.toJson()).isEqualTo("{}");
    assertThat(FenceState.fromJson("{}")).isEqualTo(FenceState.NONE);
    FenceState leaseOnly = new FenceState(Optional.of(LEASE), Optional.empty(), Optional.empty());
    assertThat(leaseOnly.toJson()).isEqualTo("{\"holder\":\"aks01/neu\",\"epoch\":8}");
    assertThat(FenceState.fromJson(leaseOnly.toJson())).isEqualTo(leaseOnly);
    FenceState claimOnly = new FenceState(Optional.empty(), Optional.empty(), FULL.claim());
    assertThat(FenceState.fromJson(claimOnly.toJson())).isEqualTo(claimOnly);
  }

  @Test
  void theAnswerOfIssue14AndUnknownOrNullMembersAreRead() {
    assertThat(FenceState.fromJson("{\"holder\":\"aks01/neu\",\"epoch\":8,\"later\":[1],\"claim\":null}"))
        .isEqualTo(new FenceState(Optional.of(LEASE), Optional.empty(), Optional.empty()));
  }

  @Test
  void anythingElseIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> FenceState.fromJson("not json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a fence state");
    assertThatThrownBy(() -> FenceState.fromJson("[]")).hasMessageContaining("a JSON object");
    assertThatThrownBy(() -> FenceState.fromJson("{\"holder\":\"aks01/neu\"}"))
        .hasMessageContaining("a holder and an integral epoch");
    assertThatThrownBy(() -> FenceState.fromJson("{\"epoch\":8}")).hasMessageContaining("a holder and an integral");
    assertThatThrownBy(() -> FenceState.fromJson("{\"holder\":\"aks01/neu\",\"epoch\":\"8\"}"))
        .hasMessageContaining("integral epoch");
    assertThatThrownBy(() -> FenceState.fromJson("{\"holder\":\"aks01/neu\",\"epoch\":0}"))
        .hasMessageContaining("starts at 1");
    assertThatThrownBy(() -> FenceState.fromJson("{\"heartbeat\":7}")).hasMessageContaining("heartbeat is a string");
    assertThatThrownBy(() -> FenceState.fromJson("{\"heartbeat\":\"v=1 holder=aks01/neu epoch=8\"}"))
        .hasMessageContaining("seq=");
  }

  @Test
  void membersAreNeverNull() {
    assertThatThrownBy(() -> new FenceState(null, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
