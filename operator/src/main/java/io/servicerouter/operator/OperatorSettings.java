package io.servicerouter.operator;

import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.planner.Options;
import java.util.Optional;

/**
 * The resolved operator options of SPEC §7.1 that shape the runtime (connection and HTTP options are handled
 * by the command).
 *
 * @param scope the watched namespaces
 * @param options the planner options
 * @param maxConcurrentReconciles reconcile worker threads
 * @param leaderElection the Lease to hold, or empty to run without leader election
 */
public record OperatorSettings(WatchScope scope, Options options, int maxConcurrentReconciles,
    Optional<Lease> leaderElection) {

  /**
   * The Lease of leader election.
   *
   * @param name the Lease name
   * @param namespace the Lease namespace
   */
  public record Lease(String name, String namespace) {}
}
