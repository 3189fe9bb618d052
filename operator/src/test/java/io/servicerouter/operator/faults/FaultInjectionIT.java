package io.servicerouter.operator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.Json;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ConvergenceRecord;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.OperatorRuntime;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.AdmissionFaults;
import io.servicerouter.testsupport.AdmissionMatch;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ManagedProcess;
import io.servicerouter.testsupport.TestDirectories;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults in the middle of a failover (issue 13), on a control plane of its own (the cases restart its parts): each
 * case ends with every record and status as the planner plans them from the stored inputs ({@link ExpectedState}:
 * no record lost, none extra) and the convergence signal closed and stored, without any event from the user after
 * the failover's one edit.
 */
class FaultInjectionIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(300);
  private static final String OPERATOR = "service-router-operator-faults";
  private static ControlPlane controlPlane;

  @BeforeAll
  static void startControlPlane() {
    controlPlane = ControlPlane.start("faults");
  }

  @AfterAll
  static void stopControlPlane() {
    controlPlane.close();
  }

  @Test
  void aLeaderStoppedMidFailoverLeavesTheConvergenceOpenUntilTheNewLeaderHasReallyFinished() throws Exception {
    KubernetesClient admin = controlPlane.client();
    try (FailoverInputs inputs = FailoverInputs.create(admin, DnsEndpointLayout.ROUTE, 10, 30);
        Operator first = Operator.start(inputs, OPERATOR + "-a", true)) {
      await().atMost(TIMEOUT).until(first::leader);
      awaitStarted(inputs);
      try (Operator second = Operator.start(inputs, OPERATOR + "-b", true)) {
        assertNewLeaderFinishes(admin, inputs, second, first::close);
      }
    }
  }

  @Test
  void aLeaderKilledMidFailoverLeavesTheConvergenceOpenUntilTheNewLeaderHasReallyFinished() throws Exception {
    KubernetesClient admin = controlPlane.client();
    try (FailoverInputs inputs = FailoverInputs.create(admin, DnsEndpointLayout.ROUTE, 10, 30)) {
      ManagedProcess first = ManagedProcess.start("operator-killed", operatorProcess(inputs, OPERATOR + "-killed"),
          TestDirectories.logDirectory("faults"), Files.createTempDirectory("faults-run"));
      try {
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> admin.leases().inNamespace(inputs.lease().namespace())
            .withName(inputs.lease().name()).get().getSpec().getHolderIdentity() != null);
        awaitStarted(inputs);
        try (Operator second = Operator.start(inputs, OPERATOR + "-b", true)) {
          assertNewLeaderFinishes(admin, inputs, second, first::kill);
        }
      } finally {
        first.stop();
      }
    }
  }

  /**
   * Makes the cluster adopt weu, ends the leader with {@code endLeader} as soon as it stored the open convergence,
   * and asserts that the standby {@code second}, once leader, reports the convergence in progress until the records
   * and statuses really are the plan, then stores its completion with the first leader's start.
   */
  private static void assertNewLeaderFinishes(KubernetesClient admin, FailoverInputs inputs, Operator second,
      Runnable endLeader) {
    long generation = inputs.failover();
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
        .until(() -> record(admin).filter(r -> r.getGeneration() == generation).isPresent());
    endLeader.run();
    assertThat(ExpectedState.differences(admin, inputs, name -> false))
        .as("the ended leader had not finished the failover").isNotEmpty();
    String start = record(admin).orElseThrow().getStartTime();

    List<String> notDoneWhileReportedDone = new ArrayList<>();
    AtomicReference<Boolean> reportedOpen = new AtomicReference<>(false);
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
      if (!second.leader()) {
        return false;
      }
      if (second.convergenceInProgress()) {
        reportedOpen.set(true);
        return false;
      }
      notDoneWhileReportedDone.addAll(ExpectedState.differences(admin, inputs, name -> false));
      return true;
    });
    assertThat(reportedOpen.get()).as("the new leader reported the open convergence").isTrue();
    assertThat(notDoneWhileReportedDone).as("differences when the new leader reported 0 in progress").isEmpty();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(record(admin)).hasValueSatisfying(r -> {
      assertThat(r.getGeneration()).isEqualTo(generation);
      assertThat(r.getStartTime()).as("the start the first leader stored").isEqualTo(start);
      assertThat(r.getCompletionTime()).isNotNull();
    }));
  }

  /** The command line of an operator process for {@code inputs}, as {@code user}, with leader election. */
  private static List<String> operatorProcess(FailoverInputs inputs, String user) {
    return List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), OperatorProcessMain.class.getName(),
        "--kubeconfig", controlPlane.userKubeconfig(user).toString(),
        "--metrics-bind-address", "0", "--health-probe-bind-address", "0",
        "--watch-namespaces", String.join(",", inputs.namespaceNames()),
        "--default-gateway-namespace", inputs.options().defaultGatewayNamespace(),
        "--address-records", "active", "--dnsendpoint-layout", "route",
        "--leader-elect", "--leader-election-id", inputs.lease().name(),
        "--leader-election-namespace", inputs.lease().namespace());
  }

  @Test
  void theApiServerRestartedMidFailover() throws Exception {
    assertFailoverConvergesDespite(controlPlane::restartApiServer);
  }

  @Test
  void etcdStoppedForTenSecondsMidFailover() throws Exception {
    assertFailoverConvergesDespite(() -> {
      controlPlane.stopEtcd();
      sleep(Duration.ofSeconds(10));
      controlPlane.startEtcd();
    });
  }

  /** Injects {@code fault} right after the failover's edit; the operator converges and stores the convergence. */
  private static void assertFailoverConvergesDespite(Runnable fault) throws Exception {
    KubernetesClient admin = controlPlane.client();
    try (FailoverInputs inputs = FailoverInputs.create(admin, DnsEndpointLayout.NAMESPACE, 10, 30);
        Operator operator = Operator.start(inputs, OPERATOR, false)) {
      awaitStarted(inputs);
      long generation = inputs.failover();
      fault.run();
      awaitConverged(inputs);
      awaitConvergenceStored(admin, operator, generation);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void writesRefusedWith409And500AreRetried() throws Exception {
    KubernetesClient admin = controlPlane.client();
    try (FailoverInputs inputs = FailoverInputs.create(admin, DnsEndpointLayout.NAMESPACE, 10, 30);
        Operator operator = Operator.start(inputs, OPERATOR, false)) {
      awaitStarted(inputs);
      try (AdmissionFaults faults = controlPlane.admissionFaults(AdmissionFaults.DNS_ENDPOINTS)) {
        AdmissionMatch operatorWrites = AdmissionMatch.any().withUser(OPERATOR);
        faults.failNext(operatorWrites, 3, 409, "injected conflict");
        // the client retries a 5xx by itself a few times: enough refusals reach the reconcile
        faults.failNext(operatorWrites, 12, 500, "injected internal error");
        long generation = inputs.failover();
        awaitConverged(inputs);
        awaitConvergenceStored(admin, operator, generation);
        int denied = faults.denied(OPERATOR, "CREATE") + faults.denied(OPERATOR, "UPDATE");
        System.out.println("writes refused: " + denied + " of " + (faults.seen(OPERATOR, "CREATE")
            + faults.seen(OPERATOR, "UPDATE")));
        assertThat(denied).isEqualTo(15);
      }
    }
  }

  @Test
  void aForeignDnsEndpointCreatedJustBeforeTheOperatorWritesIsNeverModified() throws Exception {
    KubernetesClient admin = controlPlane.client();
    try (FailoverInputs inputs = FailoverInputs.create(admin, DnsEndpointLayout.NAMESPACE, 10, 30);
        Operator operator = Operator.start(inputs, OPERATOR, false)) {
      awaitStarted(inputs);
      AtomicReference<DNSEndpoint> foreign = new AtomicReference<>();
      try (AdmissionFaults faults = controlPlane.admissionFaults(AdmissionFaults.DNS_ENDPOINTS)) {
        faults.beforeAdmit(AdmissionMatch.any().withUser(OPERATOR).withOperation("CREATE")
            .withName("external-dns-weu.routes"), request ->
            foreign.set(admin.resource(Json.read("""
                apiVersion: externaldns.k8s.io/v1alpha1
                kind: DNSEndpoint
                metadata: {name: %s, namespace: %s, labels: {team: squatter}}
                spec:
                  endpoints: [{dnsName: svc0.example.com, recordType: A, targets: [10.6.6.6]}]
                """.formatted(request.name(), request.namespace()), DNSEndpoint.class)).create()));
        long generation = inputs.failover();
        await().atMost(TIMEOUT).until(() -> foreign.get() != null);
        String namespace = foreign.get().getMetadata().getNamespace();
        // the oracle knows no existing objects: it plans the squatted namespace as if the name were free
        await().atMost(TIMEOUT).untilAsserted(() -> {
          assertThat(admin.resources(ServiceRoute.class).inNamespace(namespace).list().getItems())
              .allSatisfy(route -> assertThat(route.getStatus().condition(Vocabulary.READY).orElseThrow().getReason())
                  .as(route.getMetadata().getName()).isEqualTo("DNSEndpointConflict"));
          assertThat(ExpectedState.differences(admin, inputs, name -> name.startsWith(namespace + "/")))
              .as("differences outside the squatted namespace").allMatch(difference -> difference.contains(namespace));
        });
        awaitConvergenceStored(admin, operator, generation);
        DNSEndpoint now = admin.resource(foreign.get()).get();
        assertThat(now.getMetadata().getResourceVersion()).as("the foreign object is never modified")
            .isEqualTo(foreign.get().getMetadata().getResourceVersion());
        assertThat(now.getMetadata().getOwnerReferences()).isEmpty();
      }
    }
  }

  /**
   * Waits for the operator to store the plan of the inputs as created, in which every route is Active: a case whose
   * routes conflicted among themselves would prove nothing about their records.
   */
  private static void awaitStarted(FailoverInputs inputs) {
    awaitConverged(inputs);
    assertThat(ExpectedState.routePhases(controlPlane.client(), inputs)).containsOnlyKeys("Active");
  }

  /** Waits for the plan to be stored; the test's own reads may fail while the control plane recovers. */
  private static void awaitConverged(FailoverInputs inputs) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() ->
        ExpectedState.assertConverged(controlPlane.client(), inputs));
  }

  private static void awaitConvergenceStored(KubernetesClient admin, Operator operator, long generation) {
    await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
      assertThat(operator.convergenceInProgress()).isFalse();
      assertThat(record(admin)).hasValueSatisfying(r -> {
        assertThat(r.getGeneration()).isEqualTo(generation);
        assertThat(r.getCompletionTime()).isNotNull();
      });
    });
  }

  private static java.util.Optional<ConvergenceRecord> record(KubernetesClient admin) {
    ClusterIdentity identity = admin.resources(ClusterIdentity.class).withName("cluster-identity").get();
    return java.util.Optional.ofNullable(identity.getStatus()).map(status -> status.getConvergence());
  }

  /** An operator running in-process with a client of its own user, its metrics readable; closing is idempotent. */
  private static final class Operator implements AutoCloseable {

    private final KubernetesClient client;
    private final OperatorMetrics metrics;
    private final OperatorRuntime runtime;
    private boolean closed;

    private Operator(KubernetesClient client, OperatorMetrics metrics, OperatorRuntime runtime) {
      this.client = client;
      this.metrics = metrics;
      this.runtime = runtime;
    }

    static Operator start(FailoverInputs inputs, String user, boolean leaderElection) throws Exception {
      KubernetesClient client = controlPlane.clientAs(user);
      OperatorMetrics metrics = new OperatorMetrics("test");
      return new Operator(client, metrics,
          OperatorRuntime.start(client, inputs.settings(leaderElection), metrics, Clock.systemUTC()));
    }

    boolean leader() {
      return metrics.isLeader();
    }

    boolean convergenceInProgress() {
      return metrics.registry().find("servicerouter.config.convergence.in.progress").gauges().stream()
          .anyMatch(gauge -> gauge.value() == 1.0);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        runtime.close();
      } finally {
        client.close();
      }
    }
  }
}
