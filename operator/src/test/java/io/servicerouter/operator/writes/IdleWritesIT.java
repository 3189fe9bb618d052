package io.servicerouter.operator.writes;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.testsupport.AuditLog;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §3.1 (no behaviour depends on a periodic resync): an operator that has converged and sees no input change
 * writes nothing for 60 s except renewing its leader-election Lease, which it does (the count of Lease writes
 * shows that the audit log does see this user's requests in the same window).
 */
@ExtendWith(ControlPlaneExtension.class)
class IdleWritesIT {

  private static final Duration IDLE = Duration.ofSeconds(60);

  @ParameterizedTest
  @EnumSource(DnsEndpointLayout.class)
  void idleOperatorWritesNothingButItsLease(DnsEndpointLayout layout, ControlPlane controlPlane) throws Exception {
    AuditLog audit = controlPlane.auditLog();
    try (RoutingInputs inputs = RoutingInputs.create(controlPlane, layout);
        OperatorInstance operator = inputs.startOperator("service-router-operator-idle", true)) {
      inputs.awaitConverged();
      Settle.untilQuiet(operator);
      long mark = audit.mark();
      long reconciles = operator.reconciles();

      Thread.sleep(IDLE.toMillis());

      System.out.println("idle " + IDLE.toSeconds() + " s: " + audit.writesBy(operator.user(), mark).size()
          + " writes, " + audit.leaseWritesBy(operator.user(), mark).size() + " Lease writes, "
          + (operator.reconciles() - reconciles) + " reconciles");
      assertThat(audit.writesBy(operator.user(), mark)).as("writes while idle").isEmpty();
      assertThat(audit.leaseWritesBy(operator.user(), mark)).as("Lease renewals while idle").isNotEmpty();
    }
  }
}
