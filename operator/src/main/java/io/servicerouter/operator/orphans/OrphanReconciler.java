package io.servicerouter.operator.orphans;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.servicerouter.operator.logging.Logging;
import io.servicerouter.operator.reconcile.GeneratedObjects;
import io.servicerouter.operator.reconcile.Trigger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes generated objects whose owner is gone (SPEC §3.1: the results must be the same without a garbage
 * collector). The primary is the generated object itself, so JOSDK brings leader election, the wait for
 * synced caches and a first pass over every existing object at start; owner deletions reach the objects they
 * controlled through {@link OwnedObjectsOfOwnerMapper}.
 *
 * @param <G> the generated kind
 */
public abstract class OrphanReconciler<G extends HasMetadata> implements Reconciler<G> {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanReconciler.class);

  private final Owners owners;
  private final GeneratedObjects generated;

  /**
   * A reconciler deciding with {@code owners} and deleting with {@code generated}.
   *
   * @param owners the owner lookups
   * @param generated deletes orphans
   */
  protected OrphanReconciler(Owners owners, GeneratedObjects generated) {
    this.owners = owners;
    this.generated = generated;
  }

  @Override
  public final UpdateControl<G> reconcile(G object, Context<G> context) {
    Owners.ownedThrough(object)
        .filter(owner -> !owners.exists(object.getMetadata().getNamespace(), owner))
        .ifPresent(owner -> Logging.about(object.getKind(), object.getMetadata().getNamespace(),
            object.getMetadata().getName(), () -> {
              LOG.info("owner {} {} is gone", owner.getKind(), owner.getName());
              generated.delete(object);
            }));
    return UpdateControl.noUpdate();
  }

  /** The owner kinds whose changes reach this controller's objects. */
  protected abstract List<Trigger<?>> triggers();

  @Override
  public final List<EventSource<?, G>> prepareEventSources(EventSourceContext<G> context) {
    return Trigger.eventSources(triggers());
  }
}
