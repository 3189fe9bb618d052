package io.servicerouter.operator.convergence;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The versions of the cluster-scoped configuration (every ClusterIdentity and DNSConfiguration, by uid) that a
 * reconcile saw when it started. A route's reconcile counts for a convergence if it saw the change: the
 * changed object at its new resourceVersion or later, or no longer there if the change was a deletion. This
 * avoids comparing clocks, since a reconcile may start before the convergence tracker hears of the change.
 *
 * @param resourceVersions resourceVersion (an etcd revision) by uid
 */
public record ConfigVersions(Map<String, Long> resourceVersions) {

  /** The versions of the given objects. */
  public static ConfigVersions of(List<? extends HasMetadata> objects) {
    Map<String, Long> versions = new HashMap<>();
    objects.forEach(object -> versions.put(object.getMetadata().getUid(), revision(object)));
    return new ConfigVersions(versions);
  }

  /** Whether these versions include the change that left {@code uid} at {@code revision} (null: deleted). */
  boolean include(String uid, Long revision) {
    Long seen = resourceVersions.get(uid);
    return revision == null ? seen == null : seen != null && seen >= revision;
  }

  /** The object's resourceVersion as a number (etcd revisions are); an unparsable one compares as the lowest. */
  static long revision(HasMetadata object) {
    try {
      return Long.parseLong(object.getMetadata().getResourceVersion());
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }
}
