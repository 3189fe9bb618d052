package io.servicerouter.operator.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.AuditEvent;
import io.servicerouter.testsupport.AuditLog;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.TestNamespace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §7.1: of two operator instances with leader election, each under its own user, only the leader writes;
 * the standby keeps its caches synced (it reports ready) but the API server logs no write of it, not even on
 * its Lease. When the leader stops (releasing the Lease), the standby takes over: it converges with no write on
 * unchanged inputs, and a route created afterwards gets its records and status from the new leader alone.
 */
@ExtendWith(ControlPlaneExtension.class)
class LeaderElectionWritesIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** The HTTP status of a write that created its object (the operator creates by server-side apply, a patch). */
  private static final int CREATED = 201;

  @Test
  void onlyTheLeaderWritesAndTheStandbyTakesOver(ControlPlane controlPlane) throws Exception {
    AuditLog audit = controlPlane.auditLog();
    try (RoutingInputs inputs = RoutingInputs.create(controlPlane);
        OperatorInstance first = inputs.startOperator("service-router-operator-a", true)) {
      long start = audit.mark();
      await().atMost(TIMEOUT).until(first::leader);
      try (OperatorInstance second = inputs.startOperator("service-router-operator-b", true)) {
        inputs.awaitConverged();
        Settle.untilQuiet(first);
        Settle.untilQuiet(second);
        assertThat(second.leader()).as("the second instance is a standby").isFalse();
        assertThat(audit.writesBy(first.user(), start)).as("the leader's writes").isNotEmpty();
        assertThat(audit.writesBy(second.user(), start)).as("the standby's writes").isEmpty();
        assertThat(audit.leaseWritesBy(second.user(), start)).as("the standby's Lease writes").isEmpty();

        first.close();
        long takeover = audit.mark();
        await().atMost(TIMEOUT).until(second::leader);
        Settle.untilQuiet(second);
        List<AuditEvent> afterTakeover = audit.writesBy(second.user(), takeover);
        System.out.println("takeover: " + second.reconciles() + " reconciles, " + afterTakeover.size() + " writes");
        assertThat(afterTakeover).as("the new leader's writes on unchanged inputs").isEmpty();

        assertNewRouteWrittenByTheNewLeaderAlone(audit, inputs, takeover, first, second);
      }
    }
  }

  /**
   * Creates a route after the takeover at audit mark {@code takeover} and asserts that the new leader
   * {@code second} created its DNSEndpoint and that the stopped leader {@code first} wrote nothing since.
   */
  private static void assertNewRouteWrittenByTheNewLeaderAlone(AuditLog audit, RoutingInputs inputs, long takeover,
      OperatorInstance first, OperatorInstance second) {
    TestNamespace app = inputs.apps().get(0);
    inputs.route(app, "late", "late", "default-gateway");
    await().atMost(TIMEOUT).untilAsserted(() ->
        inputs.awaitRoute(app.name(), "late", Vocabulary.RECONCILIATION_SUCCEEDED));
    inputs.awaitConverged();
    Settle.untilQuiet(second);
    List<AuditEvent> change = audit.writesBy(second.user(), takeover);
    System.out.println("new route after takeover: " + RestartWritesIT.byKind(change));
    assertThat(change).as("the new leader created the new route's DNSEndpoint")
        .anyMatch(event -> "dnsendpoints".equals(event.resource()) && app.name().equals(event.namespace())
            && "late-external-dns-weu".equals(event.name()) && event.code() == CREATED);
    assertThat(audit.writes(takeover)).as("writes of the stopped leader")
        .noneMatch(event -> first.user().equals(event.user()));
  }
}
