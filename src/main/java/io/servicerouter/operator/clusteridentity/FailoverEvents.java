package io.servicerouter.operator.clusteridentity;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.orphans.Owners;
import io.servicerouter.operator.reconcile.Transitions;
import io.servicerouter.planner.Plan;
import io.servicerouter.planner.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The FailoverStarted / FailoverEnded Events of SPEC §3.11: one per region entering or leaving the effective
 * adopted regions, counting the route and address DNSEndpoints of that region the change adds (in the new
 * plan) or removes (the owned ones that exist, i.e. the previous desired state once converged).
 */
final class FailoverEvents {

  private FailoverEvents() {}

  /** The events of replacing {@code before} (null if none) with {@code after} on a ClusterIdentity. */
  static List<Transitions.Transition> of(ClusterIdentityStatus before, ClusterIdentityStatus after, Plan plan,
      KindCache<DNSEndpoint> existing) {
    List<Transitions.Transition> result = new ArrayList<>();
    List<String> adoptedBefore = adopted(before);
    List<String> adoptedAfter = adopted(after);
    for (String region : adoptedAfter) {
      if (!adoptedBefore.contains(region)) {
        long added = plan.generated().stream().filter(o -> o instanceof DNSEndpoint && inRegion(o, region)).count();
        result.add(new Transitions.Transition(Transitions.NORMAL, "FailoverStarted",
            "Adopting region " + region + ": " + added + " DNSEndpoints added"));
      }
    }
    for (String region : adoptedBefore) {
      if (!adoptedAfter.contains(region)) {
        long removed = existing.list().stream()
            .filter(endpoint -> Owners.ownedThrough(endpoint).isPresent() && inRegion(endpoint, region)).count();
        result.add(new Transitions.Transition(Transitions.NORMAL, "FailoverEnded",
            "Releasing region " + region + ": " + removed + " DNSEndpoints removed"));
      }
    }
    return result;
  }

  private static List<String> adopted(ClusterIdentityStatus status) {
    List<String> served = status == null ? null : status.getServedRegions();
    return served == null || served.isEmpty() ? List.of() : served.subList(1, served.size());
  }

  private static boolean inRegion(HasMetadata object, String region) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null && Objects.equals(region, labels.get(Vocabulary.LABEL_REGION));
  }
}
