package io.servicerouter.benchmark;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.DNSConfigurationSpec;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewaySpec;
import java.util.List;

/** The platform objects both benchmarks start from: cluster aks01 of a region, three zones, Istio gateways. */
final class BenchmarkObjects {

  private BenchmarkObjects() {}

  /** The ClusterIdentity of cluster aks01 in {@code region}, domain example.com. */
  static ClusterIdentity clusterIdentity(String region) {
    ClusterIdentity identity = new ClusterIdentity();
    identity.setMetadata(new ObjectMetaBuilder().withName("cluster-identity").build());
    ClusterIdentitySpec spec = new ClusterIdentitySpec();
    spec.setRegion(region);
    spec.setCluster("aks01");
    spec.setDomain("example.com");
    spec.setEnvironmentLetter("p");
    identity.setSpec(spec);
    return identity;
  }

  /** Controllers of zones weu and neu, and of frc, a zone without a cluster fed by weu. */
  static DNSConfiguration dnsConfiguration() {
    DNSConfiguration configuration = new DNSConfiguration();
    configuration.setMetadata(new ObjectMetaBuilder().withName("dns-config").build());
    DNSConfigurationSpec spec = new DNSConfigurationSpec();
    spec.setExternalDNSControllers(List.of(new ExternalDNSController("external-dns-weu", "weu"),
        new ExternalDNSController("external-dns-neu", "neu"), new ExternalDNSController("external-dns-frc", "weu")));
    configuration.setSpec(spec);
    return configuration;
  }

  /** The routing Gateway {@code <postfix>-gateway} in istio-system for the Istio ingress of that postfix. */
  static Gateway gateway(String postfix) {
    Gateway gateway = new Gateway();
    gateway.setMetadata(new ObjectMetaBuilder().withName(postfix + "-gateway").withNamespace("istio-system").build());
    GatewaySpec spec = new GatewaySpec();
    spec.setController("aks-istio-ingressgateway-" + postfix);
    spec.setCredentialName("cert-" + postfix);
    spec.setTargetPostfix(postfix);
    gateway.setSpec(spec);
    return gateway;
  }
}
