package io.servicerouter.planner;

import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.cluster.ExternalDNSController;
import java.util.List;
import java.util.Optional;

/**
 * What the cluster-scoped singletons say (SPEC §3.2-§3.4): the available identity, the available controller
 * list and the regions this cluster serves.
 *
 * @param identity the authoritative valid ClusterIdentity's spec, if available
 * @param controllers the authoritative valid DNSConfiguration's controllers in order, if available
 * @param servedRegions own region followed by the effective adopted regions (empty without identity)
 */
public record ClusterContext(Optional<ClusterIdentitySpec> identity,
    Optional<List<ExternalDNSController>> controllers, List<String> servedRegions) {

  /** The effective adopted regions: served regions other than the own one. */
  public List<String> adoptedRegions() {
    return servedRegions.isEmpty() ? List.of() : servedRegions.subList(1, servedRegions.size());
  }
}
