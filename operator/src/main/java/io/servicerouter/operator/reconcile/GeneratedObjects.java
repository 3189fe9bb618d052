package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.servicerouter.model.Labels;
import io.servicerouter.planner.Vocabulary;
import java.net.HttpURLConnection;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the planner's generated objects without ever taking over one the operator does not own (SPEC §3.10):
 * <ul>
 *   <li>an object absent from the cache is created: a server-side apply that carries a resourceVersion no stored
 *       object has ({@value #NO_OBJECT_HAS_THIS_VERSION}), which the API server checks against an existing object
 *       (409) and ignores when it creates one. So if someone created the name in the meantime the create fails, the
 *       reconcile is retried, and by then the cache shows the foreign object, for which the planner reports the
 *       conflict. (A POST would create the object under an Update-operation field manager whose fields later
 *       applies could not remove, such as an owner reference the apply replaces.)</li>
 *   <li>an existing object (the planner has checked the operator owns it) gets a server-side apply of the full
 *       desired state (field manager {@value Vocabulary#OPERATOR_NAME}, forced over other managers' fields)
 *       carrying the cached object's uid, so the API server refuses it if the name now belongs to another
 *       object; skipped when the object already matches;</li>
 *   <li>an owned object no longer desired is deleted with a uid precondition, so a foreign object that took its
 *       name after the cache saw it is not deleted.</li>
 * </ul>
 */
public final class GeneratedObjects {

  private static final Logger LOG = LoggerFactory.getLogger(GeneratedObjects.class);

  /** The largest resourceVersion the API server parses (an unsigned 64-bit etcd revision no store reaches). */
  static final String NO_OBJECT_HAS_THIS_VERSION = "18446744073709551615";

  private final KubernetesClient client;

  /** Writes with {@code client}. */
  public GeneratedObjects(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Converges an owner's objects: applies every desired object and deletes the owned ones not desired.
   *
   * @param desired the planner's objects for the owner
   * @param owned the existing objects the owner owns (SPEC §3.10)
   * @param existing looks up an existing object by the desired object's namespace and name
   */
  public <T extends HasMetadata> void converge(Collection<T> desired, Collection<T> owned,
      Lookup<T> existing) {
    for (T object : desired) {
      apply(object, existing.find(object.getMetadata().getNamespace(), object.getMetadata().getName()));
    }
    Set<String> names = desired.stream().map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
    owned.stream().filter(o -> !names.contains(o.getMetadata().getName())).forEach(this::delete);
  }

  /**
   * Creates {@code desired} when {@code existing} is empty, else applies it to the existing (owned) object unless
   * that already matches.
   *
   * @throws NameTakenException when the name was created by someone else after the cache last saw it
   */
  public void apply(HasMetadata desired, Optional<? extends HasMetadata> existing) {
    if (existing.isEmpty()) {
      create(desired);
      return;
    }
    if (upToDate(existing.get(), desired)) {
      return;
    }
    desired.getMetadata().setUid(existing.get().getMetadata().getUid());
    client.resource(desired).fieldManager(Labels.OPERATOR_NAME).forceConflicts().serverSideApply();
    LOG.info("{} {}: applied", desired.getKind(), path(desired));
  }

  private void create(HasMetadata desired) {
    desired.getMetadata().setResourceVersion(NO_OBJECT_HAS_THIS_VERSION);
    try {
      client.resource(desired).fieldManager(Labels.OPERATOR_NAME).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        throw new NameTakenException(desired, e);
      }
      throw e;
    }
    LOG.info("{} {}: created", desired.getKind(), path(desired));
  }

  /**
   * Deletes an owned object, on condition that the name still belongs to it (its uid); an object already gone or
   * replaced by another one is left as it is.
   */
  public void delete(HasMetadata owned) {
    String uid = owned.getMetadata().getUid();
    DeleteOptions options = new DeleteOptionsBuilder().withPropagationPolicy("Background")
        .withNewPreconditions().withUid(uid).endPreconditions().build();
    try {
      client.raw(url(owned), "DELETE", options);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND || e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        LOG.info("{} {}: not deleted, uid {} is no longer there ({})", owned.getKind(), path(owned), uid, e.getCode());
        return;
      }
      throw e;
    }
    LOG.info("{} {}: deleted", owned.getKind(), path(owned));
  }

  private static String path(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  /** The object's API path: a generated object is a namespaced object of a named API group. */
  private static String url(HasMetadata object) {
    return "/apis/" + object.getApiVersion() + "/namespaces/" + object.getMetadata().getNamespace() + "/"
        + HasMetadata.getPlural(object.getClass()) + "/" + object.getMetadata().getName();
  }

  /**
   * Whether an existing object already has the desired spec, the labels and annotations the operator sets
   * (others' keys are allowed), and the desired owner references.
   */
  public static boolean upToDate(HasMetadata existing, HasMetadata desired) {
    ObjectMeta have = existing.getMetadata();
    ObjectMeta want = desired.getMetadata();
    return Objects.equals(spec(existing), spec(desired))
        && contains(have.getLabels(), want.getLabels())
        && contains(have.getAnnotations(), want.getAnnotations())
        && have.getOwnerReferences().containsAll(want.getOwnerReferences());
  }

  /**
   * The spec, compared by value: the model classes of both generated kinds compare field by field, which
   * decides like the JSON trees the API server stores without converting either object.
   */
  private static Object spec(HasMetadata object) {
    if (object instanceof CustomResource<?, ?> resource) {
      return resource.getSpec();
    } else if (object instanceof io.fabric8.istio.api.networking.v1.Gateway gateway) {
      return gateway.getSpec();
    }
    throw new IllegalArgumentException("not a generated kind: " + object.getKind());
  }

  private static boolean contains(Map<String, String> have, Map<String, String> want) {
    return want == null || want.isEmpty() || have != null && have.entrySet().containsAll(want.entrySet());
  }

  /**
   * A desired object's name was taken by an object the cache did not show yet. The reconcile fails and is retried;
   * by then the cache holds the object and the planner decides whose it is.
   */
  public static final class NameTakenException extends RuntimeException {

    NameTakenException(HasMetadata desired, KubernetesClientException cause) {
      super(desired.getKind() + " " + path(desired) + " exists but is not in the cache yet (created by someone else?): "
          + "not written; the retry reports whose it is", cause);
    }
  }

  /**
   * Finds an existing object by namespace and name.
   *
   * @param <T> the kind
   */
  @FunctionalInterface
  public interface Lookup<T> {

    /** The existing object, if any. */
    Optional<T> find(String namespace, String name);
  }
}
