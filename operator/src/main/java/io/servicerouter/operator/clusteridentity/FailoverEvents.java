package io.servicerouter.operator.clusteridentity;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.operator.reconcile.Transitions;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Plan;
import io.servicerouter.planner.Planner;
import io.servicerouter.planner.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The FailoverStarted / FailoverEnded Events of SPEC §3.11: one per region entering or leaving the effective
 * adopted regions (a start marked when automatic failover adopted it), counting the route and address DNSEndpoints of that region that the change adds or
 * removes. Both counts compare two desired states (pure functions of the inputs): the plan of the current
 * snapshot and the plan of the same snapshot with the adoption as it was before, so that they do not depend
 * on what other reconcilers have already created or deleted.
 */
final class FailoverEvents {

  private FailoverEvents() {}

  /**
   * The events of replacing {@code before} (null if none) with {@code after} on a ClusterIdentity.
   *
   * @param identity the ClusterIdentity as it is in {@code snapshot}
   * @param snapshot the inputs now
   * @param options the operator options
   */
  static List<Transitions.Transition> of(ClusterIdentity identity, ClusterIdentityStatus before,
      ClusterIdentityStatus after, Snapshot snapshot, Options options) {
    List<String> adoptedBefore = adopted(before);
    List<String> adoptedAfter = adopted(after);
    if (adoptedBefore.equals(adoptedAfter)) {
      return List.of();
    }
    Plan now = Planner.plan(snapshot, options);
    Plan previous = Planner.plan(PreviousAdoption.of(snapshot, identity, adoptedBefore), options);
    List<Transitions.Transition> result = new ArrayList<>();
    for (String region : adoptedAfter) {
      if (!adoptedBefore.contains(region)) {
        result.add(new Transitions.Transition(Transitions.NORMAL, "FailoverStarted",
            "Adopting region " + region + how(identity, region) + ": " + difference(now, previous, region)
                + " DNSEndpoints added"));
      }
    }
    for (String region : adoptedBefore) {
      if (!adoptedAfter.contains(region)) {
        result.add(new Transitions.Transition(Transitions.NORMAL, "FailoverEnded",
            "Releasing region " + region + ": " + difference(previous, now, region) + " DNSEndpoints removed"));
      }
    }
    return result;
  }

  /**
   * Marks an automatic adoption (in {@code status.adoptedRegions} and not in {@code spec.adoptsRegions}: automatic
   * failover took its zones over, issue 15) with its lease epoch; empty for an adoption by hand. (The end of an
   * adoption is not marked: both sources are gone by then; the failover loop's HandbackCompleted says it.)
   */
  private static String how(ClusterIdentity identity, String region) {
    List<String> byHand = identity.getSpec().getAdoptsRegions();
    if (byHand != null && byHand.contains(region)) {
      return "";
    }
    return Optional.ofNullable(identity.getStatus()).map(ClusterIdentityStatus::getAdoptedRegions)
        .orElse(List.of()).stream().filter(adopted -> adopted.getRegion().equals(region)).findFirst()
        .map(adopted -> " (automatic failover, epoch " + adopted.getEpoch() + ")").orElse("");
  }

  /** How many DNSEndpoints of the region {@code plan} has that {@code other} has not. */
  private static long difference(Plan plan, Plan other, String region) {
    Set<ObjectKey> otherKeys = endpoints(other, region).stream().map(ObjectKey::of).collect(Collectors.toSet());
    return endpoints(plan, region).stream().filter(endpoint -> !otherKeys.contains(ObjectKey.of(endpoint))).count();
  }

  private static List<HasMetadata> endpoints(Plan plan, String region) {
    return plan.generated().stream().filter(o -> o instanceof DNSEndpoint && inRegion(o, region)).toList();
  }

  private static List<String> adopted(ClusterIdentityStatus status) {
    List<String> served = status == null ? null : status.getServedRegions();
    return served == null || served.isEmpty() ? List.of() : served.subList(1, served.size());
  }

  private static boolean inRegion(HasMetadata object, String region) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null && Objects.equals(region, labels.get(Labels.LABEL_REGION));
  }
}
