package io.servicerouter.operator.zonelease;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.DNSConfigurationStatus;
import io.servicerouter.model.cluster.ZoneLeaseStatus;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.Vocabulary;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the zone controllers find the available singletons and store {@code status.zones}: the ClusterIdentity and
 * DNSConfiguration the planner makes Active (SPEC §3.2), and a merge patch of {@code status.zones} only (the
 * planner's status writes keep it), sent only when the stored list differs.
 */
final class ZoneStatusStore {

  private final KubernetesClient writer;
  private final SharedCaches caches;

  ZoneStatusStore(KubernetesClient writer, SharedCaches caches) {
    this.writer = writer;
    this.caches = caches;
  }

  /** Whether the planner makes this object's status Active. */
  static boolean isActive(ObservedStatus planned) {
    return planned != null && Vocabulary.ACTIVE.equals(planned.getPhase());
  }

  /** The available DNSConfiguration. */
  Optional<DNSConfiguration> configuration(Evaluation evaluation) {
    return caches.dnsConfigurations().list().stream()
        .filter(configuration -> isActive(evaluation.status(configuration))).findFirst();
  }

  /** The available ClusterIdentity. */
  Optional<ClusterIdentity> identity(Evaluation evaluation) {
    return caches.clusterIdentities().list().stream()
        .filter(identity -> isActive(evaluation.status(identity))).findFirst();
  }

  /** Stores {@code observed} as the available DNSConfiguration's {@code status.zones}; absent when empty. */
  void store(Evaluation evaluation, List<ZoneLeaseStatus> observed) {
    List<ZoneLeaseStatus> zones = observed.isEmpty() ? null : observed;
    configuration(evaluation)
        .filter(configuration -> !Objects.equals(zones, Optional.ofNullable(configuration.getStatus())
            .map(DNSConfigurationStatus::getZones).orElse(null)))
        .ifPresent(configuration -> writer.resource(configuration).subresource("status")
            .patch(PatchContext.of(PatchType.JSON_MERGE),
                // a null member removes the field (JSON merge patch)
                Serialization.asJson(Map.of("status", Collections.singletonMap("zones", zones)))));
  }
}
