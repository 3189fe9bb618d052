package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.Labels;
import io.servicerouter.planner.Vocabulary;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the planner's generated objects: server-side apply of the full desired state (field manager
 * {@value Vocabulary#OPERATOR_NAME}, forced, since the planner only desires names the operator owns, SPEC
 * §3.10), skipped when the existing object already matches; and deletion of owned objects that are no longer
 * desired.
 */
public final class GeneratedObjects {

  private static final Logger LOG = LoggerFactory.getLogger(GeneratedObjects.class);

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

  /** Applies one desired object unless {@code existing} already matches it. */
  public void apply(HasMetadata desired, Optional<? extends HasMetadata> existing) {
    if (existing.isPresent() && upToDate(existing.get(), desired)) {
      return;
    }
    client.resource(desired).fieldManager(Labels.OPERATOR_NAME).forceConflicts().serverSideApply();
    LOG.info("{} {}/{}: applied", desired.getKind(), desired.getMetadata().getNamespace(), desired.getMetadata().getName());
  }

  /** Deletes an owned object. */
  public void delete(HasMetadata owned) {
    client.resource(owned).delete();
    LOG.info("{} {}/{}: deleted", owned.getKind(), owned.getMetadata().getNamespace(), owned.getMetadata().getName());
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
