package io.servicerouter.drill;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The manifests the drill applies, identically, to every cluster: ClusterIdentity (only region differs), the
 * shared DNSConfiguration listing every {@link Zone}'s controller, a routing Gateway, a namespace with one
 * DNSPolicy and {@code services} ServiceRoutes, and the Istio ingress LoadBalancer Service whose address is set
 * through the status subresource.
 *
 * <p>Every cluster uses the domain {@link #DOMAIN}, which is also the name of every zone (see {@link DnsZones}): a
 * route's hostname {@code svc-<i>-ns-p-prod-shop.example.test} and the gateway name
 * {@code aks01-<region>-internal.example.test} fall in every zone, and each ExternalDNS instance's domain filter
 * ({@code example.test}) accepts them; which zone a record lands in is decided only by the controller name.
 */
public final class DrillApplication {

  /** The platform domain of every ClusterIdentity, and the name of every zone. */
  public static final String DOMAIN = "example.test";
  /** The cluster name in every region. */
  public static final String CLUSTER = "aks01";

  private static final String APP_NAMESPACE = "myapp";
  private static final String GATEWAY_NAMESPACE = "istio-system";
  private static final String INGRESS_NAMESPACE = "aks-istio-ingress";
  private static final String ISTIO_CONTROLLER = "aks-istio-ingressgateway-internal";
  private static final String POSTFIX = "internal";
  private static final String LOAD_BALANCER = "aks-istio-ingressgateway-internal";

  private final int services;

  /** An application with {@code services} ServiceRoutes. */
  public DrillApplication(int services) {
    this.services = services;
  }

  /** The number of ServiceRoutes. */
  public int services() {
    return services;
  }

  /** The hostnames of the routes, in route order. */
  public List<String> hostnames() {
    return IntStream.range(0, services).mapToObj(i -> "svc-" + i + "-ns-p-prod-shop." + DOMAIN).toList();
  }

  /** The gateway name (CNAME target) of the cluster of {@code region}. */
  public static String targetHost(String region) {
    return CLUSTER + "-" + region + "-" + POSTFIX + "." + DOMAIN;
  }

  /**
   * Creates every manifest in {@code client}'s cluster and gives the LoadBalancer Service {@code loadBalancerIp}.
   *
   * @param policySpec the DNSPolicy's spec in flow YAML, e.g. {@code {mode: Active}}
   * @param zoneAgents the management URL of the cluster's zone agent per zone (the DNSConfiguration's
   *     {@code zoneAgent}); empty for an unfenced drill
   * @param failover the DNSConfiguration's {@code failover:} block (indented under {@code spec}), or empty
   */
  public void applyTo(KubernetesClient client, String region, String policySpec, String loadBalancerIp,
      Map<Zone, String> zoneAgents, String failover) {
    for (String namespace : List.of(APP_NAMESPACE, GATEWAY_NAMESPACE, INGRESS_NAMESPACE)) {
      create(client, """
          apiVersion: v1
          kind: Namespace
          metadata: {name: %s}
          """.formatted(namespace), Namespace.class);
    }
    create(client, """
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: %s, cluster: %s, domain: %s, environmentLetter: p}
        """.formatted(region, CLUSTER, DOMAIN), ClusterIdentity.class);
    create(client, """
        apiVersion: cluster.router.io/v1alpha1
        kind: DNSConfiguration
        metadata: {name: dns-config}
        spec:
          externalDNSControllers: [%s]
        %s""".formatted(Arrays.stream(Zone.values())
            .map(zone -> "{name: %s, region: %s%s}".formatted(zone.controller(), zone.homeRegion(),
                zoneAgents.containsKey(zone) ? ", zoneAgent: \"" + zoneAgents.get(zone) + "\"" : ""))
            .collect(Collectors.joining(", ")), failover), DNSConfiguration.class);
    create(client, """
        apiVersion: routing.router.io/v1alpha1
        kind: Gateway
        metadata: {name: default-gateway, namespace: %s}
        spec: {controller: %s, credentialName: cert-aks-ingress, targetPostfix: %s}
        """.formatted(GATEWAY_NAMESPACE, ISTIO_CONTROLLER, POSTFIX), Gateway.class);
    create(client, """
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: default, namespace: %s}
        spec: %s
        """.formatted(APP_NAMESPACE, policySpec), DNSPolicy.class);
    for (int i = 0; i < services; i++) {
      create(client, """
          apiVersion: routing.router.io/v1alpha1
          kind: ServiceRoute
          metadata: {name: svc-%2$d, namespace: %1$s}
          spec: {serviceName: svc-%2$d, gatewayName: default-gateway, environment: prod, application: shop}
          """.formatted(APP_NAMESPACE, i), ServiceRoute.class);
    }
    create(client, """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: %s, labels: {istio: %s}}
        spec: {type: LoadBalancer, ports: [{name: https, port: 443}]}
        """.formatted(LOAD_BALANCER, INGRESS_NAMESPACE, ISTIO_CONTROLLER), Service.class);
    setLoadBalancerIp(client, loadBalancerIp);
  }

  /** Sets the ingress LoadBalancer Service's address (what the cloud provider would do). */
  public static void setLoadBalancerIp(KubernetesClient client, String ip) {
    Service service = client.services().inNamespace(INGRESS_NAMESPACE).withName(LOAD_BALANCER).get();
    service.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().addNewIngress().withIp(ip).endIngress()
        .endLoadBalancer().build());
    client.resource(service).updateStatus();
  }

  private static <T extends HasMetadata> void create(KubernetesClient client, String yaml, Class<T> type) {
    client.resource(client.getKubernetesSerialization().unmarshal(yaml, type)).create();
  }
}
