package io.servicerouter.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.servicerouter.model.cluster.ClusterIdentity;
import java.util.Objects;

/**
 * Which updates of an input object a trigger passes on to its mappers. The planner never reads the status of
 * the operator's own kinds (only a Service's LoadBalancer status), so another primary cannot depend on a
 * status-only change: filtering those out keeps one status write from fanning out, e.g. a route's status
 * write from re-evaluating its Gateway with all of the Gateway's routes.
 */
public enum Updates {

  /** Every new version, status included: for a primary's own changes, so that edits of its status are reverted. */
  EVERY_VERSION,

  /**
   * Only versions with a new generation (the spec of a kind with a status subresource), new labels or
   * annotations, a deletion timestamp, or new automatically adopted regions (the status field the planner reads);
   * objects without a generation pass every version.
   */
  SPEC_CHANGES;

  /** Whether the update from {@code before} to {@code after} reaches the mappers. */
  public boolean relevant(HasMetadata before, HasMetadata after) {
    ObjectMeta old = before.getMetadata();
    ObjectMeta now = after.getMetadata();
    if (Objects.equals(old.getResourceVersion(), now.getResourceVersion())) {
      return false;
    }
    return this == EVERY_VERSION || now.getGeneration() == null
        || !Objects.equals(old.getGeneration(), now.getGeneration())
        || !Objects.equals(old.getDeletionTimestamp(), now.getDeletionTimestamp())
        || !Objects.equals(old.getLabels(), now.getLabels())
        || !Objects.equals(old.getAnnotations(), now.getAnnotations())
        || !Objects.equals(plannerInput(before), plannerInput(after));
  }

  /**
   * The one status field the planner reads: a ClusterIdentity's {@code status.adoptedRegions}, written by automatic
   * failover and served like {@code spec.adoptsRegions}; null for every other object.
   */
  private static Object plannerInput(HasMetadata object) {
    return object instanceof ClusterIdentity identity && identity.getStatus() != null
        ? identity.getStatus().getAdoptedRegions() : null;
  }
}
