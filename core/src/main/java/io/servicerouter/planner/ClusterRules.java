package io.servicerouter.planner;

import static io.servicerouter.planner.Vocabulary.ACTIVE;
import static io.servicerouter.planner.Vocabulary.ADOPTED_REGIONS_VALID;
import static io.servicerouter.planner.Vocabulary.FAILED;
import static io.servicerouter.planner.Vocabulary.READY;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Condition;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.DNSConfigurationStatus;
import io.servicerouter.model.cluster.ExternalDNSController;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** SPEC §3.2-§3.4: the statuses of ClusterIdentities and DNSConfigurations, and the {@link ClusterContext}. */
final class ClusterRules {

  private final Snapshot snapshot;
  final Map<ObjectKey, ClusterIdentityStatus> identityStatuses = new HashMap<>();
  final Map<ObjectKey, DNSConfigurationStatus> configurationStatuses = new HashMap<>();
  final ClusterContext context;

  ClusterRules(Snapshot snapshot) {
    this.snapshot = snapshot;
    Optional<List<ExternalDNSController>> controllers = evaluateConfigurations();
    this.context = evaluateIdentities(controllers);
  }

  private Optional<List<ExternalDNSController>> evaluateConfigurations() {
    Collection<DNSConfiguration> all = snapshot.dnsConfigurations();
    Optional<DNSConfiguration> oldest = Singletons.oldest(all, snapshot.age());
    Optional<List<ExternalDNSController>> available = Optional.empty();
    for (DNSConfiguration configuration : all) {
      DNSConfigurationStatus status = new DNSConfigurationStatus();
      status.setObservedGeneration(Generation.of(configuration));
      Condition ready = singletonOrValidity(configuration, oldest.get(), all.size());
      if (ready == null) {
        status.setPhase(ACTIVE);
        ready = Conditions.holds(READY, Vocabulary.RECONCILIATION_SUCCEEDED, "DNSConfiguration is valid and cached");
        available = Optional.of(List.copyOf(configuration.getSpec().getExternalDNSControllers()));
      } else {
        status.setPhase(FAILED);
      }
      status.setConditions(new ArrayList<>(List.of(ready)));
      configurationStatuses.put(ObjectKey.of(configuration), status);
    }
    return available;
  }

  private ClusterContext evaluateIdentities(Optional<List<ExternalDNSController>> controllers) {
    Collection<ClusterIdentity> all = snapshot.clusterIdentities();
    Optional<ClusterIdentity> oldest = Singletons.oldest(all, snapshot.age());
    ClusterContext context = new ClusterContext(Optional.empty(), controllers, List.of());
    Set<String> controllerRegions = controllers.orElse(List.of()).stream()
        .map(ExternalDNSController::getRegion).collect(Collectors.toSet());
    for (ClusterIdentity identity : all) {
      ClusterIdentityStatus status = new ClusterIdentityStatus();
      status.setObservedGeneration(Generation.of(identity));
      Condition ready = singletonOrValidity(identity, oldest.get(), all.size());
      if (ready == null) {
        ClusterIdentitySpec spec = identity.getSpec();
        List<String> adopted = adoptedRegions(identity);
        List<String> served = new ArrayList<>(List.of(spec.getRegion()));
        List<String> notEffective = new ArrayList<>();
        for (String region : adopted) {
          (controllerRegions.contains(region) ? served : notEffective).add(region);
        }
        status.setPhase(ACTIVE);
        status.setServedRegions(served);
        status.setConditions(new ArrayList<>(List.of(
            Conditions.holds(READY, Vocabulary.RECONCILIATION_SUCCEEDED, "ClusterIdentity is active and cluster identity is cached"),
            adoptedRegionsValid(adopted, notEffective))));
        context = new ClusterContext(Optional.of(spec), controllers, List.copyOf(served));
      } else {
        status.setPhase(FAILED);
        status.setConditions(new ArrayList<>(List.of(ready)));
      }
      identityStatuses.put(ObjectKey.of(identity), status);
    }
    return context;
  }

  /**
   * The regions an identity adopts: by hand ({@code spec.adoptsRegions}, in order), then by automatic failover
   * ({@code status.adoptedRegions}, issue 15), each once; both are served alike.
   */
  private static List<String> adoptedRegions(ClusterIdentity identity) {
    Set<String> adopted = new LinkedHashSet<>(Optional.ofNullable(identity.getSpec().getAdoptsRegions())
        .orElse(List.of()));
    Optional.ofNullable(identity.getStatus()).map(ClusterIdentityStatus::getAdoptedRegions).orElse(List.of())
        .forEach(automatic -> adopted.add(automatic.getRegion()));
    return List.copyOf(adopted);
  }

  private static Condition adoptedRegionsValid(List<String> adopted, List<String> notEffective) {
    if (adopted.isEmpty()) {
      return Conditions.holds(ADOPTED_REGIONS_VALID, Vocabulary.NO_ADOPTED_REGIONS, "No adopted regions configured");
    }
    if (notEffective.isEmpty()) {
      return Conditions.holds(ADOPTED_REGIONS_VALID, Vocabulary.ALL_ADOPTED_REGIONS_VALID,
          "All adopted regions have matching controllers");
    }
    return Conditions.fails(ADOPTED_REGIONS_VALID, Vocabulary.ADOPTED_REGION_NOT_FOUND,
        "Adopted regions [" + String.join(" ", notEffective) + "] have no matching controller in DNSConfiguration");
  }

  /** Ready=False for rows 1-2 of §3.3/§3.4 (not the oldest, invalid), or null when the object is usable. */
  private Condition singletonOrValidity(HasMetadata object, HasMetadata oldest, int count) {
    if (!ObjectKey.same(object, oldest)) {
      return Conditions.fails(READY, Vocabulary.SINGLETON_VIOLATION, "only one " + object.getKind()
          + " resource is allowed per cluster, found " + count + "; \"" + oldest.getMetadata().getName()
          + "\" is authoritative");
    }
    List<String> problems = snapshot.schemaProblems(object);
    return problems.isEmpty() ? null : Conditions.fails(READY, Vocabulary.INVALID_SPEC, String.join("; ", problems));
  }
}
