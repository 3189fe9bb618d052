package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.logging.Logging;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell every reconciler of the operator shares: its event sources are its {@link Trigger}s over the shared
 * caches, each reconcile runs with the primary named in the log context and its failure logged, the reconcile
 * is counted and timed when the controller has a metrics label, and JOSDK never patches anything itself (the
 * subclass writes through server-side apply and {@link StatusWriter}).
 *
 * @param <P> the primary kind
 */
public abstract class TriggeredReconciler<P extends HasMetadata> implements Reconciler<P> {

  private static final Logger LOG = LoggerFactory.getLogger(TriggeredReconciler.class);

  private final Optional<Metered> metered;

  /** Where and under which label reconciles are counted. */
  private record Metered(OperatorMetrics metrics, String kind) {}

  /**
   * A reconciler counted in the SPEC §7.2 reconcile metrics.
   *
   * @param metrics the registry
   * @param kind the metrics label, e.g. {@code serviceroute}
   */
  protected TriggeredReconciler(OperatorMetrics metrics, String kind) {
    this.metered = Optional.of(new Metered(metrics, kind));
  }

  /** A reconciler outside the reconcile metrics (SPEC §7.2 lists the planned kinds only). */
  protected TriggeredReconciler() {
    this.metered = Optional.empty();
  }

  @Override
  public final UpdateControl<P> reconcile(P primary, Context<P> josdkContext) {
    long start = System.nanoTime();
    boolean success = false;
    try {
      Logging.about(primary.getKind(), primary.getMetadata().getNamespace(), primary.getMetadata().getName(), () -> {
        try {
          reconcile(primary);
        } catch (RuntimeException e) {
          LOG.warn("reconcile failed: {}", e.getMessage());
          throw e;
        }
      });
      success = true;
      return UpdateControl.noUpdate();
    } finally {
      boolean succeeded = success;
      metered.ifPresent(m -> m.metrics().reconciled(m.kind(), succeeded, Duration.ofNanos(System.nanoTime() - start)));
    }
  }

  /**
   * Reconciles the primary.
   *
   * @param primary the primary as JOSDK's cache has it (identifies the object; read inputs from the shared caches)
   */
  protected abstract void reconcile(P primary);

  /** The inputs whose changes reach this controller's primaries. */
  protected abstract List<Trigger<?>> triggers();

  @Override
  public final List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> josdkContext) {
    return Trigger.eventSources(triggers());
  }
}
