package io.servicerouter.operator.writes;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.testsupport.AuditEvent;
import io.servicerouter.testsupport.AuditLog;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §3.1 and §3.11: an operator restarted on unchanged inputs converges with zero writes. A first instance
 * converges the {@link RoutingInputs} (Active, conflicting and pending routes, an address record) and stops; a
 * second instance, under its own user, starts on the same state, reports ready and settles (its reconcile
 * counter stops moving) without the API server having logged a single create, update, patch or delete from it:
 * no generated object, no status and no Event.
 */
@ExtendWith(ControlPlaneExtension.class)
class RestartWritesIT {

  @ParameterizedTest
  @EnumSource(DnsEndpointLayout.class)
  void restartWithNothingChangedWritesNothing(DnsEndpointLayout layout, ControlPlane controlPlane) throws Exception {
    AuditLog audit = controlPlane.auditLog();
    try (RoutingInputs inputs = RoutingInputs.create(controlPlane, layout)) {
      long start = audit.mark();
      try (OperatorInstance first = inputs.startOperator("service-router-operator", false)) {
        inputs.awaitConverged();
        Settle.untilQuiet(first);
        List<AuditEvent> firstWrites = audit.writesBy(first.user(), start);
        System.out.println("first convergence: " + firstWrites.size() + " writes, "
            + byKind(firstWrites) + ", " + inputs.expectedReasons().size() + " routes");
        assertThat(firstWrites).as("the first instance converged the inputs").isNotEmpty();
      }

      try (OperatorInstance restarted = inputs.startOperator("service-router-operator-restarted", false)) {
        Settle.untilQuiet(restarted);
        inputs.awaitConverged();
        assertThat(restarted.reconciles()).as("the restarted instance reconciled everything").isPositive();
        System.out.println("restart: " + restarted.reconciles() + " reconciles, "
            + audit.writesBy(restarted.user(), 0).size() + " writes");
        assertThat(audit.writesBy(restarted.user(), 0)).as("writes after a restart with nothing changed").isEmpty();
      }
    }
  }

  /** Counts of writes by verb and resource, e.g. {@code create dnsendpoints=6}. */
  static Map<String, Long> byKind(List<AuditEvent> writes) {
    return writes.stream().collect(Collectors.groupingBy(
        event -> event.verb() + " " + event.resource()
            + (event.subresource().isEmpty() ? "" : "/" + event.subresource()),
        TreeMap::new, Collectors.counting()));
  }
}
