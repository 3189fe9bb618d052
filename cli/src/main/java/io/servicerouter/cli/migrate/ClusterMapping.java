package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.DNSConfigurationSpec;
import io.servicerouter.model.cluster.ExternalDNSController;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the cluster-wide values: {@code cluster}, {@code region}, {@code domain}, {@code environmentLetter}
 * to the ClusterIdentity, {@code externalDns[]} to the DNSConfiguration (SPEC §6.2 mapping table).
 */
final class ClusterMapping {

  /** Name of the generated ClusterIdentity. */
  private static final String CLUSTER_IDENTITY_NAME = "cluster-identity";
  /** Name of the generated DNSConfiguration. */
  private static final String DNS_CONFIGURATION_NAME = "dns-config";

  private static final ValuesPath EXTERNAL_DNS = ValuesPath.ROOT.key("externalDns");

  private final ValueReader reader;
  private final Findings findings;

  /** A mapping that reads with {@code reader} and adds objects and diagnostics to {@code findings}. */
  ClusterMapping(ValueReader reader, Findings findings) {
    this.reader = reader;
    this.findings = findings;
  }

  /** Adds the ClusterIdentity and the DNSConfiguration, and returns what the app mapping needs of them. */
  Platform map(JsonNode values) {
    ClusterIdentitySpec identity = clusterIdentity(values);
    return new Platform(identity.getEnvironmentLetter(), identity.getDomain(), dnsConfiguration(values));
  }

  private ClusterIdentitySpec clusterIdentity(JsonNode values) {
    ClusterIdentitySpec spec = new ClusterIdentitySpec();
    spec.setRegion(topLevel(values, "region"));
    spec.setCluster(topLevel(values, "cluster"));
    spec.setDomain(topLevel(values, "domain"));
    spec.setEnvironmentLetter(topLevel(values, "environmentLetter"));
    ClusterIdentity identity = new ClusterIdentity();
    identity.setMetadata(new ObjectMetaBuilder().withName(CLUSTER_IDENTITY_NAME).build());
    identity.setSpec(spec);
    SourcePaths sources = new SourcePaths(ValuesPath.ROOT);
    for (String field : List.of("region", "cluster", "domain", "environmentLetter")) {
      sources.map("spec." + field, ValuesPath.ROOT.key(field));
    }
    findings.add(GeneratedObject.of(identity, sources));
    return spec;
  }

  private String topLevel(JsonNode values, String key) {
    return reader.text(values.get(key), ValuesPath.ROOT.key(key));
  }

  /** Adds the DNSConfiguration unless {@code externalDns} is missing or empty; returns the controller regions. */
  private List<String> dnsConfiguration(JsonNode values) {
    List<JsonNode> entries = reader.list(values.get("externalDns"), EXTERNAL_DNS);
    if (entries.isEmpty()) {
      findings.error(EXTERNAL_DNS, "Required value: at least one controller is required");
      return List.of();
    }
    List<ExternalDNSController> controllers = new ArrayList<>();
    List<String> regions = new ArrayList<>();
    SourcePaths sources = new SourcePaths(EXTERNAL_DNS).map("spec.externalDNSControllers", EXTERNAL_DNS);
    for (int i = 0; i < entries.size(); i++) {
      ValuesPath path = EXTERNAL_DNS.index(i);
      if (!reader.isMapping(entries.get(i), path)) {
        continue;
      }
      String field = "spec.externalDNSControllers[" + controllers.size() + "]";
      sources.map(field, path).map(field + ".name", path.key("controller")).map(field + ".region", path.key("region"));
      String name = reader.text(entries.get(i).get("controller"), path.key("controller"));
      String region = reader.text(entries.get(i).get("region"), path.key("region"));
      controllers.add(new ExternalDNSController(name, region));
      if (region != null) {
        regions.add(region);
      }
    }
    DNSConfigurationSpec spec = new DNSConfigurationSpec();
    spec.setExternalDNSControllers(controllers);
    DNSConfiguration configuration = new DNSConfiguration();
    configuration.setMetadata(new ObjectMetaBuilder().withName(DNS_CONFIGURATION_NAME).build());
    configuration.setSpec(spec);
    findings.add(GeneratedObject.of(configuration, sources));
    return regions;
  }
}
