package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Flux {@code HelmRelease} of the service-router-operator chart that replaces the multi-region-service-router
 * chart ({@code migrate-helm-values --helm-release}): the release of {@code examples/flux/helmrelease.yaml} (same
 * name, namespaces, chart and source, CRDs skipped), with the values of the chart's ExternalDNS instances taken
 * from the migrated manifests: {@code clusterRegion} and {@code domain} from the ClusterIdentity, one zone per
 * DNSConfiguration controller in the order of the values' {@code externalDns} list.
 *
 * <p>The old values hold no DNS provider settings. Every zone gets an Azure Private DNS provider with a workload
 * identity (the old chart's platform: AKS with Azure Private DNS) whose settings are Flux post-build variables
 * named after the controller: {@code external-dns-weu} reads {@code ${EXTERNAL_DNS_WEU_SUBSCRIPTION_ID}},
 * {@code ${EXTERNAL_DNS_WEU_RESOURCE_GROUP}} and {@code ${EXTERNAL_DNS_WEU_CLIENT_ID}}; a warning per zone names
 * the variables to define.
 */
final class OperatorHelmRelease {

  /** The HelmRelease's name, release name and chart source, as in {@code examples/flux/helmrelease.yaml}. */
  static final String NAME = "service-router-operator";
  /** Where Flux keeps its objects; the HelmRelease and its GitRepository live there. */
  static final String FLUX_NAMESPACE = "flux-system";
  /** The release's namespace: the operator, its ExternalDNS instances and Helm's release record. */
  static final String TARGET_NAMESPACE = "service-router-system";
  /** The chart, relative to the root of the GitRepository. */
  static final String CHART = "./charts/service-router-operator";

  /** The settings of a zone's {@code azurePrivateDns} provider and the suffix of their variable names. */
  private static final List<String> SUBSCRIPTION_ID = List.of("subscriptionId", "_SUBSCRIPTION_ID");
  private static final List<String> RESOURCE_GROUP = List.of("resourceGroup", "_RESOURCE_GROUP");
  private static final List<String> CLIENT_ID = List.of("clientId", "_CLIENT_ID");

  private static final ValuesPath EXTERNAL_DNS = ValuesPath.ROOT.key("externalDns");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The HelmRelease and what to tell the user about it.
   *
   * @param manifest the HelmRelease
   * @param warnings one per zone: the Flux variables to define
   */
  record Result(ObjectNode manifest, List<Diagnostic> warnings) {}

  private OperatorHelmRelease() {}

  /** The HelmRelease for the manifests of a successful migration (they hold its ClusterIdentity and DNSConfiguration). */
  static Result of(List<ObjectNode> manifests) {
    JsonNode identity = spec(manifests, "ClusterIdentity");
    JsonNode controllers = spec(manifests, "DNSConfiguration").path("externalDNSControllers");
    ObjectNode externalDns = NODES.objectNode();
    externalDns.put("enabled", true);
    externalDns.put("clusterRegion", identity.path("region").asText());
    externalDns.put("domain", identity.path("domain").asText());
    ArrayNode zones = externalDns.putArray("zones");
    List<String> names = new ArrayList<>();
    controllers.forEach(controller -> names.add(controller.path("name").asText()));
    List<String> stems = variableStems(names);
    List<Diagnostic> warnings = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String stem = stems.get(i);
      ObjectNode zone = zones.addObject();
      zone.put("controller", names.get(i));
      zone.put("region", controllers.get(i).path("region").asText());
      ObjectNode azure = zone.putObject("provider").putObject("azurePrivateDns");
      azure.put(SUBSCRIPTION_ID.get(0), variable(stem, SUBSCRIPTION_ID));
      azure.put(RESOURCE_GROUP.get(0), variable(stem, RESOURCE_GROUP));
      azure.putObject("workloadIdentity").put(CLIENT_ID.get(0), variable(stem, CLIENT_ID));
      warnings.add(new Diagnostic(Diagnostic.Severity.WARNING, EXTERNAL_DNS.index(i).toString(),
          "define the Flux variables " + stem + SUBSCRIPTION_ID.get(1) + ", " + stem + RESOURCE_GROUP.get(1) + " and "
              + stem + CLIENT_ID.get(1) + " (the Azure subscription and resource group of the zone of " + names.get(i)
              + ", and the client id of its workload identity) in the postBuild of the Flux Kustomization that"
              + " applies the HelmRelease"));
    }
    ObjectNode values = NODES.objectNode();
    values.set("externalDns", externalDns);
    return new Result(release(values), List.copyOf(warnings));
  }

  /**
   * The stem of each controller's variable names, in order: the name in upper case with every run of other
   * characters than letters and digits (the {@code -} of a DNS label, the {@code ${ }} of a Flux variable) turned
   * into one {@code _}, trimmed of {@code _} at both ends; {@code ZONE_} in front when it would start with a digit
   * or be empty (a variable name starts with a letter or {@code _}); {@code _2}, {@code _3}… after a stem an
   * earlier controller already has. {@code external-dns-weu} is {@code EXTERNAL_DNS_WEU},
   * {@code external-dns-${REGION}} is {@code EXTERNAL_DNS_REGION}.
   */
  static List<String> variableStems(List<String> controllers) {
    Set<String> taken = new HashSet<>();
    List<String> stems = new ArrayList<>();
    for (String controller : controllers) {
      String stem = controller.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
      if (stem.isEmpty() || Character.isDigit(stem.charAt(0))) {
        stem = stem.isEmpty() ? "ZONE" : "ZONE_" + stem;
      }
      String unique = stem;
      for (int n = 2; !taken.add(unique); n++) {
        unique = stem + "_" + n;
      }
      stems.add(unique);
    }
    return stems;
  }

  private static String variable(String stem, List<String> setting) {
    return "${" + stem + setting.get(1) + "}";
  }

  /** The spec of the one manifest of a kind (a migration that printed manifests has exactly one). */
  private static JsonNode spec(List<ObjectNode> manifests, String kind) {
    return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).findFirst()
        .orElseThrow(() -> new IllegalStateException("the migration produced no " + kind)).path("spec");
  }

  /** The HelmRelease of {@code examples/flux/helmrelease.yaml} with other values. */
  private static ObjectNode release(ObjectNode values) {
    ObjectNode release = NODES.objectNode();
    release.put("apiVersion", "helm.toolkit.fluxcd.io/v2");
    release.put("kind", "HelmRelease");
    release.putObject("metadata").put("name", NAME).put("namespace", FLUX_NAMESPACE);
    ObjectNode spec = release.putObject("spec");
    spec.put("interval", "10m");
    spec.put("releaseName", NAME);
    spec.put("targetNamespace", TARGET_NAMESPACE);
    spec.put("storageNamespace", TARGET_NAMESPACE);
    ObjectNode chart = spec.putObject("chart").putObject("spec");
    chart.put("chart", CHART);
    chart.putObject("sourceRef").put("kind", "GitRepository").put("name", NAME);
    chart.put("reconcileStrategy", "Revision");
    chart.put("interval", "10m");
    // The CRDs are a Flux unit of their own (examples/flux/crds.yaml): never installed, upgraded or pruned by Helm.
    spec.putObject("install").put("createNamespace", true).put("crds", "Skip");
    spec.putObject("upgrade").put("crds", "Skip");
    spec.set("values", values);
    return release;
  }
}
