package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.planner.Evaluation;

/**
 * A reconciler over the planner: reads its primary from the shared cache (JOSDK's copy only names it, so the
 * planner and the writes see one version of every object), builds a snapshot of the shared caches and an
 * {@link Evaluation} of it, and lets the subclass apply the planner's result for the primary. A primary that
 * the shared cache no longer holds (deleted meanwhile) is left alone: its deletion event follows.
 *
 * @param <P> the primary kind
 */
public abstract class PlannedReconciler<P extends HasMetadata> extends TriggeredReconciler<P> {

  /** The shared caches, options and writers. */
  protected final OperatorContext context;
  private final KindCache<P> primaries;

  /**
   * A reconciler labelled {@code kind} in metrics and logs.
   *
   * @param context the shared caches, options and writers
   * @param kind the metrics label of SPEC §7.2, e.g. {@code serviceroute}
   * @param primaries the shared cache of the primary kind
   */
  protected PlannedReconciler(OperatorContext context, String kind, KindCache<P> primaries) {
    super(context.metrics(), kind);
    this.context = context;
    this.primaries = primaries;
  }

  @Override
  protected final void reconcile(P named) {
    primaries.get(named.getMetadata().getNamespace(), named.getMetadata().getName()).ifPresent(primary -> {
      CacheSnapshot snapshot = context.snapshot();
      reconcile(primary, snapshot, new Evaluation(snapshot, context.options()));
    });
  }

  /**
   * Applies the evaluation's result for the primary.
   *
   * @param primary the primary as the shared cache holds it
   * @param snapshot the snapshot the evaluation reads
   * @param evaluation the planner over the snapshot
   */
  protected abstract void reconcile(P primary, CacheSnapshot snapshot, Evaluation evaluation);
}
