package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.logging.Logging;
import io.servicerouter.planner.Evaluation;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape of every reconciler: build a snapshot of the shared caches and an {@link Evaluation} of it, let
 * the subclass apply the planner's result for its primary, count the reconcile, and never let JOSDK patch
 * anything itself (statuses are written by {@link StatusWriter} only when they change).
 *
 * @param <P> the primary kind
 */
public abstract class PlannedReconciler<P extends HasMetadata> implements Reconciler<P> {

  private static final Logger LOG = LoggerFactory.getLogger(PlannedReconciler.class);

  /** The shared caches, options and writers. */
  protected final OperatorContext context;
  private final String kind;

  /**
   * A reconciler labelled {@code kind} in metrics and logs.
   *
   * @param context the shared caches, options and writers
   * @param kind the metrics label of SPEC §7.2, e.g. {@code serviceroute}
   */
  protected PlannedReconciler(OperatorContext context, String kind) {
    this.context = context;
    this.kind = kind;
  }

  @Override
  public final UpdateControl<P> reconcile(P primary, Context<P> josdkContext) {
    long start = System.nanoTime();
    boolean success = false;
    try {
      Logging.about(primary.getKind(), primary.getMetadata().getNamespace(), primary.getMetadata().getName(), () -> {
        try {
          CacheSnapshot snapshot = context.snapshot();
          reconcile(primary, snapshot, new Evaluation(snapshot, context.options()));
        } catch (RuntimeException e) {
          LOG.warn("reconcile failed: {}", e.getMessage());
          throw e;
        }
      });
      success = true;
      return UpdateControl.noUpdate();
    } finally {
      context.metrics().reconciled(kind, success, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * Applies the evaluation's result for the primary.
   *
   * @param primary the primary as JOSDK's cache has it (look the snapshot's instance up by key before evaluating)
   * @param snapshot the snapshot the evaluation reads
   * @param evaluation the planner over the snapshot
   */
  protected abstract void reconcile(P primary, CacheSnapshot snapshot, Evaluation evaluation);

  /** The inputs whose changes reach this controller's primaries. */
  protected abstract List<Trigger<?>> triggers();

  @Override
  public final List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> josdkContext) {
    return Trigger.eventSources(triggers());
  }
}
