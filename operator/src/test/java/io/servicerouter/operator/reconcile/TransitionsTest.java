package io.servicerouter.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.Condition;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.routing.DNSPolicyStatus;
import io.servicerouter.model.routing.ServiceRouteStatus;
import io.servicerouter.operator.reconcile.Transitions.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionsTest {

  private static <S extends ObservedStatus> S status(S status, String phase, String readyStatus, String reason, String message) {
    status.setPhase(phase);
    status.setConditions(List.of(new Condition("Ready", readyStatus, reason, message)));
    return status;
  }

  private static DNSPolicyStatus policy(String phase, String reason, String message, String... controllers) {
    DNSPolicyStatus status = status(new DNSPolicyStatus(), phase, "Active".equals(phase) ? "True" : "False", reason, message);
    status.setActiveControllers(controllers.length == 0 ? null : List.of(controllers));
    return status;
  }

  @Test
  void aPolicyBecomingActiveIsAnnouncedWithItsControllers() {
    assertThat(Transitions.of(policy("Pending", "ClusterIdentityNotAvailable", "x"),
        policy("Active", "ReconciliationSucceeded", "DNSPolicy is active", "a", "b")))
        .containsExactly(new Transition("Normal", "PolicyActivated", "DNSPolicy is active for this cluster; controllers: a, b"));
  }

  @Test
  void aPolicyLeavingActiveIsAnnouncedWithTheReadyMessage() {
    assertThat(Transitions.of(policy("Active", "ReconciliationSucceeded", "ok", "a"),
        policy("Inactive", "PolicyInactive", "gated on neu")))
        .containsExactly(new Transition("Normal", "PolicyDeactivated", "DNSPolicy is no longer active: gated on neu"));
  }

  @Test
  void enteringAWarningReasonIsAnnouncedOnce() {
    ServiceRouteStatus conflict = status(new ServiceRouteStatus(), "Failed", "False", "HostnameConflict", "taken by a/web");

    assertThat(Transitions.of(status(new ServiceRouteStatus(), "Active", "True", "ReconciliationSucceeded", "ok"), conflict))
        .containsExactly(new Transition("Warning", "HostnameConflict", "taken by a/web"));
    assertThat(Transitions.of(conflict, status(new ServiceRouteStatus(), "Failed", "False", "HostnameConflict", "taken by b/web")))
        .isEmpty();
  }

  @Test
  void aFirstStatusAnnouncesItsTransitionsAndOtherChangesNothing() {
    assertThat(Transitions.of(null, policy("Active", "ReconciliationSucceeded", "ok", "a")))
        .extracting(Transition::reason).containsExactly("PolicyActivated");
    assertThat(Transitions.of(status(new ServiceRouteStatus(), "Pending", "False", "GatewayNotFound", "x"),
        status(new ServiceRouteStatus(), "Active", "True", "ReconciliationSucceeded", "ok"))).isEmpty();
  }
}
