package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Namespace and name of an object ({@code ""} namespace for cluster-scoped ones); printed as
 * {@code ns/name}, the way messages name objects.
 *
 * @param namespace the namespace, empty for cluster-scoped objects
 * @param name the name
 */
public record ObjectKey(String namespace, String name) implements Comparable<ObjectKey> {

  /** The key of an object. */
  public static ObjectKey of(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return new ObjectKey(namespace == null ? "" : namespace, object.getMetadata().getName());
  }

  /**
   * Whether two objects (of one kind) are the same object. Keys, not instances, decide: an informer may
   * hand out a newer instance of an object while an evaluation is running.
   */
  public static boolean same(HasMetadata a, HasMetadata b) {
    return of(a).equals(of(b));
  }

  /**
   * Mixes the namespace's hash by a large odd constant before adding the name's: the record's default (31 times
   * one plus the other) collides for the numbered names platforms use ({@code team-12/web-3} and
   * {@code team-1/web-...}), which turned the planner's hash maps into tree bins at 10,000 routes.
   */
  @Override
  public int hashCode() {
    int hash = namespace.hashCode() * 0x9E3779B9 + name.hashCode();
    return hash ^ (hash >>> 16);
  }

  @Override
  public int compareTo(ObjectKey other) {
    int byNamespace = namespace.compareTo(other.namespace);
    return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
