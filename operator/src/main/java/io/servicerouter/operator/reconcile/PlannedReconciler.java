package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.planner.Evaluation;

/**
 * A reconciler over the planner: builds a snapshot of the shared caches and an {@link Evaluation} of it and lets
 * the subclass apply the planner's result for its primary.
 *
 * @param <P> the primary kind
 */
public abstract class PlannedReconciler<P extends HasMetadata> extends TriggeredReconciler<P> {

  /** The shared caches, options and writers. */
  protected final OperatorContext context;

  /**
   * A reconciler labelled {@code kind} in metrics and logs.
   *
   * @param context the shared caches, options and writers
   * @param kind the metrics label of SPEC §7.2, e.g. {@code serviceroute}
   */
  protected PlannedReconciler(OperatorContext context, String kind) {
    super(context.metrics(), kind);
    this.context = context;
  }

  @Override
  protected final void reconcile(P primary) {
    CacheSnapshot snapshot = context.snapshot();
    reconcile(primary, snapshot, new Evaluation(snapshot, context.options()));
  }

  /**
   * Applies the evaluation's result for the primary.
   *
   * @param primary the primary as JOSDK's cache has it (look the snapshot's instance up by key before evaluating)
   * @param snapshot the snapshot the evaluation reads
   * @param evaluation the planner over the snapshot
   */
  protected abstract void reconcile(P primary, CacheSnapshot snapshot, Evaluation evaluation);
}
