package io.servicerouter.operator.orphans;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.operator.reconcile.GeneratedObjects;
import io.servicerouter.operator.reconcile.TriggeredReconciler;
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
public abstract class OrphanReconciler<G extends HasMetadata> extends TriggeredReconciler<G> {

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
  protected final void reconcile(G object) {
    Owners.ownedThrough(object)
        .filter(owner -> !owners.exists(object.getMetadata().getNamespace(), owner))
        .ifPresent(owner -> {
          LOG.info("owner {} {} is gone", owner.getKind(), owner.getName());
          generated.delete(object);
        });
  }
}
