package io.servicerouter.operator.reconcile;

import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.convergence.ConfigConvergence;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.SpecProblems;

/**
 * What every reconciler shares: the caches (read through a fresh {@link CacheSnapshot}), the planner
 * options, and the writers of statuses and generated objects.
 *
 * @param caches the shared informer caches
 * @param problems the runtime re-validation of SPEC §2.6
 * @param options the planner options of this process
 * @param statuses writes statuses when they change
 * @param generated applies and deletes generated objects
 * @param events emits Kubernetes Events
 * @param metrics counts reconciles
 * @param convergence tracks the convergence of configuration changes (SPEC §7.2)
 */
public record OperatorContext(SharedCaches caches, SpecProblems problems, Options options, StatusWriter statuses,
    GeneratedObjects generated, EventRecorder events, OperatorMetrics metrics, ConfigConvergence convergence) {

  /** A snapshot of the caches as they are now. */
  public CacheSnapshot snapshot() {
    return new CacheSnapshot(caches, problems);
  }
}
