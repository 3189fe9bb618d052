package io.servicerouter.operator.writes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.OperatorRuntime;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.testsupport.ControlPlane;
import java.time.Clock;

/**
 * One operator running in-process with a client of its own, authenticated as {@link #user()}, so that the
 * API server's audit log tells its writes apart from the test's and from other instances'. Several instances
 * can run in one JVM (each has its own client, caches, JOSDK operator and metrics).
 */
final class OperatorInstance implements AutoCloseable {

  private final String user;
  private final KubernetesClient client;
  private final OperatorMetrics metrics;
  private final OperatorRuntime runtime;
  private boolean closed;

  private OperatorInstance(String user, KubernetesClient client, OperatorMetrics metrics, OperatorRuntime runtime) {
    this.user = user;
    this.client = client;
    this.metrics = metrics;
    this.runtime = runtime;
  }

  /**
   * Starts an operator as {@code user} (a client certificate CN) with {@code settings}; returns once its caches
   * synced.
   */
  static OperatorInstance start(ControlPlane controlPlane, String user, OperatorSettings settings) throws Exception {
    KubernetesClient client = controlPlane.clientAs(user);
    try {
      OperatorMetrics metrics = new OperatorMetrics("test");
      return new OperatorInstance(user, client, metrics,
          OperatorRuntime.start(client, settings, metrics, Clock.systemUTC()));
    } catch (Exception | Error e) {
      client.close();
      throw e;
    }
  }

  /** The user name under which the API server audits this instance's requests. */
  String user() {
    return user;
  }

  /** Whether the instance reports ready ({@code /readyz}: every cache synced). */
  boolean ready() {
    return runtime.ready();
  }

  /** Whether the instance holds leadership ({@code servicerouter_leader}; always true without leader election). */
  boolean leader() {
    return RequiredSearch.in(metrics.registry()).name("servicerouter.leader").gauge().value() == 1.0;
  }

  /** The completed reconciles of every kind and result so far ({@code servicerouter_reconcile_total}). */
  long reconciles() {
    return (long) metrics.registry().find("servicerouter.reconcile").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  /** Stops the operator (releasing its Lease, if held) and closes its client; idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        runtime.close();
      } finally {
        client.close();
      }
    }
  }
}
