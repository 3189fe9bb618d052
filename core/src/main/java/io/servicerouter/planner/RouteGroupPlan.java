package io.servicerouter.planner;

import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.RecordCount;
import java.util.List;

/**
 * The grouped route DNSEndpoints of one namespace (SPEC §4.6) and what to do with the existing ones.
 *
 * @param desired the group objects to converge to, in write order (see {@link RouteGroupRules})
 * @param obsolete owned group objects that are no longer desired, to delete after the desired ones are written
 * @param retired per-route DNSEndpoints (SPEC §4.2, left by the route layout) whose records the desired groups
 *     now hold, to delete after the groups are written
 * @param names the names of the namespace's group objects after the writes, sorted
 * @param records the number of records per controller (activeControllers order, then other controllers)
 * @param conflicts foreign objects holding a group name, as {@code ns/name}: their controllers' groups are left
 *     untouched
 */
public record RouteGroupPlan(List<DNSEndpoint> desired, List<DNSEndpoint> obsolete, List<DNSEndpoint> retired,
    List<String> names, List<RecordCount> records, List<String> conflicts) {

  /** Nothing to write, delete or report. */
  static final RouteGroupPlan NONE = new RouteGroupPlan(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
}
