package io.servicerouter.planner;

import static io.servicerouter.planner.Vocabulary.READY;

import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.DNSPolicySpec;
import io.servicerouter.model.routing.DNSPolicyStatus;
import java.util.ArrayList;
import java.util.List;

/** SPEC §3.5: whether a DNSPolicy is active in this cluster and which controllers it selects. */
final class PolicyRules {

  private PolicyRules() {}

  static PolicyResult evaluate(DNSPolicy policy, DNSPolicy authoritative, List<String> problems, ClusterContext cluster) {
    DNSPolicyStatus status = new DNSPolicyStatus();
    status.setObservedGeneration(Generation.of(policy));
    status.setActive(false);
    if (!ObjectKey.same(policy, authoritative)) {
      return result(policy, status, Vocabulary.FAILED, Conditions.fails(READY, Vocabulary.POLICY_CONFLICT,
          "only one DNSPolicy is allowed per namespace; DNSPolicy \"" + authoritative.getMetadata().getName()
              + "\" is authoritative"));
    }
    if (!problems.isEmpty()) {
      return result(policy, status, Vocabulary.FAILED,
          Conditions.fails(READY, Vocabulary.VALIDATION_FAILED, String.join("; ", problems)));
    }
    if (cluster.identity().isEmpty()) {
      return result(policy, status, Vocabulary.PENDING, Conditions.fails(READY,
          Vocabulary.CLUSTER_IDENTITY_NOT_AVAILABLE, "Waiting for ClusterIdentity to be configured"));
    }
    ClusterIdentitySpec identity = cluster.identity().get();
    DNSPolicySpec spec = policy.getSpec() == null ? new DNSPolicySpec() : policy.getSpec();
    String sourceRegion = blankToNull(spec.getSourceRegion());
    String sourceCluster = blankToNull(spec.getSourceCluster());
    // Without a DNSConfiguration no adopted region is effective: only the own region is served (§3.5).
    List<String> served = cluster.controllers().isPresent() ? cluster.servedRegions() : List.of(identity.getRegion());
    List<String> activeFor = new ArrayList<>();
    for (String region : served) {
      boolean regionGate = sourceRegion == null || sourceRegion.equals(region);
      boolean clusterGate = !region.equals(identity.getRegion()) || sourceCluster == null
          || sourceCluster.equals(identity.getCluster());
      if (regionGate && clusterGate) {
        activeFor.add(region);
      }
    }
    if (activeFor.isEmpty()) {
      String message = sourceRegion != null && !served.contains(sourceRegion)
          ? "Policy not active for this cluster: SourceRegion '" + sourceRegion + "' does not match cluster region '"
              + identity.getRegion() + "'"
          : "Policy not active for this cluster: SourceCluster '" + sourceCluster + "' does not match cluster name '"
              + identity.getCluster() + "'";
      return result(policy, status, Vocabulary.INACTIVE, Conditions.fails(READY, Vocabulary.POLICY_INACTIVE, message));
    }
    if (cluster.controllers().isEmpty()) {
      return result(policy, status, Vocabulary.PENDING, Conditions.fails(READY,
          Vocabulary.DNS_CONFIGURATION_NOT_AVAILABLE, "Waiting for DNSConfiguration to be configured"));
    }
    boolean regionBound = DNSPolicySpec.MODE_REGION_BOUND.equals(spec.getMode());
    List<String> controllers = new ArrayList<>();
    for (ExternalDNSController controller : cluster.controllers().get()) {
      if ((regionBound || activeFor.contains(controller.getRegion())) && !controllers.contains(controller.getName())) {
        controllers.add(controller.getName());
      }
    }
    status.setActive(true);
    status.setActiveControllers(controllers);
    return result(policy, status, Vocabulary.ACTIVE,
        Conditions.holds(READY, Vocabulary.RECONCILIATION_SUCCEEDED, "DNSPolicy is active"));
  }

  /**
   * A copy of a policy's status with its namespace's groups (SPEC §4.6): their names, record counts, and in the
   * Ready message the foreign objects that hold group names.
   */
  static DNSPolicyStatus withGroups(DNSPolicyStatus status, RouteGroupPlan groups) {
    DNSPolicyStatus copy = new DNSPolicyStatus();
    copy.setPhase(status.getPhase());
    copy.setActive(status.getActive());
    copy.setActiveControllers(status.getActiveControllers());
    copy.setObservedGeneration(status.getObservedGeneration());
    copy.setDnsEndpoints(groups.names());
    copy.setRecords(groups.records());
    io.servicerouter.model.Condition ready = status.getConditions().get(0);
    if (!groups.conflicts().isEmpty()) {
      String message = ready.getMessage() + "; DNSEndpoint " + String.join(", ", groups.conflicts())
          + " already exists and is not managed by the operator: the records of its controller are not written";
      ready = "True".equals(ready.getStatus()) ? Conditions.holds(READY, ready.getReason(), message)
          : Conditions.fails(READY, ready.getReason(), message);
    }
    copy.setConditions(new ArrayList<>(List.of(ready)));
    return copy;
  }

  private static PolicyResult result(DNSPolicy policy, DNSPolicyStatus status, String phase,
      io.servicerouter.model.Condition ready) {
    status.setPhase(phase);
    status.setConditions(new ArrayList<>(List.of(ready)));
    return new PolicyResult(policy, status);
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
