package io.servicerouter.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.ApiGroups;
import io.servicerouter.model.Kinds;
import io.servicerouter.model.externaldns.DNSEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The startup check of SPEC §2.7: the five CRDs, {@code dnsendpoints.externaldns.k8s.io} (v1alpha1) and
 * {@code gateways.networking.istio.io} (v1) must be installed and serve those versions.
 */
public final class CrdCheck {

  /**
   * One required CRD.
   *
   * @param name the CRD name ({@code plural.group})
   * @param version the version that must be served
   */
  public record Required(String name, String version) {
    @Override
    public String toString() {
      return name + " (" + version + ")";
    }
  }

  private final KubernetesClient client;

  /** Checks through {@code client}. */
  public CrdCheck(KubernetesClient client) {
    this.client = client;
  }

  /** Every CRD the operator needs. */
  public static List<Required> required() {
    List<Required> result = new ArrayList<>();
    Kinds.ALL.forEach(kind -> result.add(new Required(HasMetadata.getFullResourceName(kind), ApiGroups.VERSION)));
    result.add(new Required(HasMetadata.getFullResourceName(DNSEndpoint.class), "v1alpha1"));
    result.add(new Required(HasMetadata.getFullResourceName(io.fabric8.istio.api.networking.v1.Gateway.class), "v1"));
    return result;
  }

  /** The first required CRD that is missing or does not serve its version, if any. */
  public Optional<Required> firstMissing() {
    for (Required required : required()) {
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(required.name()).get();
      boolean served = crd != null && crd.getSpec().getVersions().stream()
          .anyMatch(version -> required.version().equals(version.getName()) && served(version));
      if (!served) {
        return Optional.of(required);
      }
    }
    return Optional.empty();
  }

  private static boolean served(CustomResourceDefinitionVersion version) {
    return Boolean.TRUE.equals(version.getServed());
  }
}
