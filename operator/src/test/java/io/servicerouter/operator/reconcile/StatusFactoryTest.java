package io.servicerouter.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.Condition;
import io.servicerouter.model.routing.DNSPolicyStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusFactoryTest {

  private static final String T1 = "2026-03-01T10:00:00Z";
  private static final String T2 = "2026-03-01T11:00:00Z";

  private static StatusFactory at(String time) {
    return new StatusFactory(Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
  }

  private static DNSPolicyStatus planned(String phase, String status, String reason, String message, long generation) {
    DNSPolicyStatus result = new DNSPolicyStatus();
    result.setPhase(phase);
    result.setObservedGeneration(generation);
    result.setConditions(List.of(new Condition("Ready", status, reason, message)));
    return result;
  }

  @Test
  void aFirstStatusGetsTheClockAndTheGeneration() {
    DNSPolicyStatus written = at(T1).next(null, planned("Active", "True", "ReconciliationSucceeded", "ok", 3)).orElseThrow();

    assertThat(written.getObservedGeneration()).isEqualTo(3L);
    assertThat(written.getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getLastTransitionTime()).isEqualTo(T1);
      assertThat(c.getObservedGeneration()).isEqualTo(3L);
    });
  }

  @Test
  void nothingIsWrittenWhenThePlannedStatusEqualsTheStoredOne() {
    DNSPolicyStatus stored = at(T1).next(null, planned("Active", "True", "ReconciliationSucceeded", "ok", 1)).orElseThrow();

    assertThat(at(T2).next(stored, planned("Active", "True", "ReconciliationSucceeded", "ok", 1))).isEmpty();
  }

  @Test
  void theTransitionTimeIsKeptWhenOnlyTheReasonOrMessageChanges() {
    DNSPolicyStatus stored = at(T1).next(null, planned("Pending", "False", "ClusterIdentityNotAvailable", "a", 1)).orElseThrow();

    DNSPolicyStatus written = at(T2).next(stored, planned("Pending", "False", "DNSConfigurationNotAvailable", "b", 1)).orElseThrow();

    assertThat(written.getConditions().get(0).getLastTransitionTime()).isEqualTo(T1);
    assertThat(written.getConditions().get(0).getReason()).isEqualTo("DNSConfigurationNotAvailable");
  }

  @Test
  void theTransitionTimeMovesWhenTheConditionStatusChanges() {
    DNSPolicyStatus stored = at(T1).next(null, planned("Pending", "False", "ClusterIdentityNotAvailable", "a", 1)).orElseThrow();

    DNSPolicyStatus written = at(T2).next(stored, planned("Active", "True", "ReconciliationSucceeded", "ok", 1)).orElseThrow();

    assertThat(written.getConditions().get(0).getLastTransitionTime()).isEqualTo(T2);
  }

  @Test
  void aNewGenerationIsWrittenEvenWithTheSameDecision() {
    DNSPolicyStatus stored = at(T1).next(null, planned("Active", "True", "ReconciliationSucceeded", "ok", 1)).orElseThrow();

    DNSPolicyStatus written = at(T2).next(stored, planned("Active", "True", "ReconciliationSucceeded", "ok", 2)).orElseThrow();

    assertThat(written.getObservedGeneration()).isEqualTo(2L);
    assertThat(written.getConditions().get(0).getLastTransitionTime()).isEqualTo(T1);
  }

  @Test
  void thePlannersStatusIsCompletedInPlaceWithoutACopy() {
    DNSPolicyStatus planned = planned("Active", "True", "ReconciliationSucceeded", "ok", 5);

    assertThat(at(T1).next(null, planned)).containsSame(planned);
    assertThat(planned.getConditions().get(0).getLastTransitionTime()).isEqualTo(T1);
    assertThat(planned.getConditions().get(0).getObservedGeneration()).isEqualTo(5L);
  }
}
