package io.servicerouter.fence;

import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.planner.ClusterContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which zone leases this cluster should hold, from what the operator already knows: a zone whose controller's
 * region the cluster adopts by hand ({@code spec.adoptsRegions}) is taken at once (break glass: the former
 * holder's writes are refused by the DNS server from that instant); a zone the cluster neither is home of nor
 * adopts is handed back to its home once the cluster has no DNSEndpoints left for its controller (so the adopter's
 * last write precedes the home's first); the home's own zone and a zone adopted by automatic failover are left to
 * the agent and the failover controller. Only controllers with a zone agent take part. Pure: the operator
 * performs the actions.
 */
public final class LeaseIntents {

  private LeaseIntents() {
  }

  /**
   * The intents for every controller with a zone agent; none without an identity or controller list (fail
   * static: a lease is never moved on incomplete configuration).
   *
   * @param cluster the authoritative identity, controllers and served regions
   * @param writing the controllers this cluster still has DNSEndpoints for
   */
  public static List<LeaseIntent> of(ClusterContext cluster, Set<String> writing) {
    if (cluster.identity().isEmpty() || cluster.controllers().isEmpty()) {
      return List.of();
    }
    String region = cluster.identity().get().getRegion();
    List<String> byHand = Optional.ofNullable(cluster.identity().get().getAdoptsRegions()).orElse(List.of());
    List<LeaseIntent> intents = new ArrayList<>();
    for (ExternalDNSController controller : cluster.controllers().get()) {
      if (controller.getZoneAgent() == null) {
        continue;
      }
      intents.add(intent(controller, region, byHand, cluster.adoptedRegions(), writing));
    }
    return List.copyOf(intents);
  }

  private static LeaseIntent intent(ExternalDNSController controller, String region, List<String> byHand,
      List<String> adopted, Set<String> writing) {
    String name = controller.getName();
    String url = controller.getZoneAgent();
    if (controller.getRegion().equals(region)) {
      return new LeaseIntent(name, url, true, LeaseAction.NONE, "home of region " + region);
    }
    if (byHand.contains(controller.getRegion())) {
      return new LeaseIntent(name, url, false, LeaseAction.TAKE, "adopts region " + controller.getRegion());
    }
    if (adopted.contains(controller.getRegion())) {
      return new LeaseIntent(name, url, false, LeaseAction.NONE, "adopted region " + controller.getRegion()
          + " by automatic failover (its lease is renewed by the failover controller)");
    }
    if (writing.contains(name)) {
      return new LeaseIntent(name, url, false, LeaseAction.NONE, "still has DNSEndpoints for " + name);
    }
    return new LeaseIntent(name, url, false, LeaseAction.RELEASE,
        "neither home nor adopter of " + controller.getRegion());
  }
}
