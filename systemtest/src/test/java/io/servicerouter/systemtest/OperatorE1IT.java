package io.servicerouter.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.cli.CliRun;
import io.servicerouter.cli.output.ManifestWriter;
import io.servicerouter.model.Json;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.CrdCheck;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.OperatorRuntime;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §4.5 E1 end to end: the operator, running in-process against a real API server, creates the route
 * DNSEndpoint and the Istio Gateway and reports the route Active; what it wrote equals what
 * {@code servicerouter render} prints for a snapshot of the cluster's inputs written to a file (same objects,
 * same specs, labels, annotations and owners), including the address record once a LoadBalancer Service has
 * an address, and the policy's activation is announced. Then a hand-deleted DNSEndpoint is restored,
 * deleting the route removes its records and the Istio Gateway, and deleting the Service its address record
 * (SPEC §5).
 */
@ExtendWith(ControlPlaneExtension.class)
class OperatorE1IT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private TestObjects objects;

  @AfterEach
  void cleanUp() throws Exception {
    if (objects != null) {
      objects.close();
    }
  }

  @Test
  void activeSingleRegion(ControlPlane controlPlane) throws Exception {
    KubernetesClient client = controlPlane.client();
    objects = new TestObjects(client);
    TestNamespace app = objects.namespace("myapp");
    TestNamespace gateways = objects.namespace("gw");
    Options options = new Options(gateways.name(), Options.DEFAULTS.addressRecords(), DnsEndpointLayout.ROUTE);
    List<HasMetadata> inputs = List.of(
        objects.created("""
            apiVersion: cluster.router.io/v1alpha1
            kind: ClusterIdentity
            metadata: {name: cluster-identity}
            spec: {region: weu, cluster: aks01, domain: example.com, environmentLetter: p}
            """, ClusterIdentity.class),
        objects.created("""
            apiVersion: cluster.router.io/v1alpha1
            kind: DNSConfiguration
            metadata: {name: dns-config}
            spec:
              externalDNSControllers:
              - {name: external-dns-weu, region: weu}
              - {name: external-dns-neu, region: neu}
            """, DNSConfiguration.class),
        objects.created("""
            apiVersion: routing.router.io/v1alpha1
            kind: Gateway
            metadata: {name: default-gateway, namespace: %s}
            spec: {controller: aks-istio-ingressgateway-internal, credentialName: cert-aks-ingress, targetPostfix: internal}
            """.formatted(gateways.name()), Gateway.class),
        objects.created("""
            apiVersion: routing.router.io/v1alpha1
            kind: DNSPolicy
            metadata: {name: default, namespace: %s}
            spec: {mode: Active}
            """.formatted(app.name()), DNSPolicy.class),
        objects.created("""
            apiVersion: routing.router.io/v1alpha1
            kind: ServiceRoute
            metadata: {name: web, namespace: %s}
            spec: {serviceName: web, gatewayName: default-gateway, environment: prod, application: shop}
            """.formatted(app.name()), ServiceRoute.class));

    OperatorRuntime runtime = OperatorRuntime.start(client,
        new OperatorSettings(WatchScope.ALL, options, 4, Optional.empty()),
        new OperatorMetrics("test"), Clock.systemUTC());
    objects.add(runtime);

    await().atMost(TIMEOUT).untilAsserted(() -> {
      ServiceRoute route = client.resources(ServiceRoute.class).inNamespace(app.name()).withName("web").get();
      assertThat(route.getStatus()).isNotNull();
      assertThat(route.getStatus().getPhase()).isEqualTo(Vocabulary.ACTIVE);
      assertThat(route.getStatus().getDnsEndpoints()).containsExactly("web-external-dns-weu");
      assertThat(client.resources(DNSEndpoint.class).inNamespace(app.name()).withName("web-external-dns-weu").get())
          .isNotNull();
      assertThat(client.resources(io.fabric8.istio.api.networking.v1.Gateway.class).inNamespace(gateways.name())
          .withName("default-gateway").get()).isNotNull();
    });
    // The status writer leaves the managed fields out of its request; the API server must keep the stored ones:
    // the creator still owns the spec, and the status write is recorded as its own entry.
    assertThat(client.resources(ServiceRoute.class).inNamespace(app.name()).withName("web").get().getMetadata()
        .getManagedFields())
        .anySatisfy(entry -> {
          assertThat(entry.getSubresource()).isNull();
          assertThat(entry.getFieldsV1().getAdditionalProperties()).containsKey("f:spec");
        })
        .anySatisfy(entry -> assertThat(entry.getSubresource()).isEqualTo("status"));

    String address = "gateway-controller-aks-istio-ingressgateway-internal-internal-external-dns-weu";
    Service loadBalancer = client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: v1
        kind: Service
        metadata: {name: ingress, namespace: %s, labels: {istio: aks-istio-ingressgateway-internal}}
        spec: {type: LoadBalancer, ports: [{name: https, port: 443}]}
        """.formatted(gateways.name()), Service.class)).create();
    loadBalancer.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().addNewIngress().withIp("10.1.2.3").endIngress()
        .endLoadBalancer().build());
    client.resource(loadBalancer).updateStatus();
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(client.resources(DNSEndpoint.class).inNamespace(gateways.name()).withName(address).get()).isNotNull();
      Gateway gateway = client.resources(Gateway.class).inNamespace(gateways.name()).withName("default-gateway").get();
      assertThat(gateway.getStatus().getLoadBalancerIP()).isEqualTo("10.1.2.3");
      assertThat(gateway.getStatus().condition(Vocabulary.DNS_READY).orElseThrow().getReason())
          .isEqualTo(Vocabulary.DNS_ENDPOINTS_CREATED);
    });

    // The offline render of a snapshot of the cluster's inputs (as stored, written to a file) equals what the
    // operator wrote: the same objects with the same specs, labels, annotations and owners.
    Path snapshot = Files.createTempFile("cluster-inputs", ".yaml");
    objects.add(() -> Files.deleteIfExists(snapshot));
    Files.writeString(snapshot, ManifestWriter.write(
        stored(client, inputs).stream().map(Json::toNode).toList(), ManifestWriter.Format.YAML));
    CliRun render = CliRun.of("render", "-f", snapshot.toString(), "--default-gateway-namespace", gateways.name(),
        "--dnsendpoint-layout", "route");
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.outDocuments()).hasSize(3);
    for (JsonNode expected : render.outDocuments()) {
      JsonNode metadata = expected.path("metadata");
      GenericKubernetesResource stored = client.genericKubernetesResources(expected.path("apiVersion").asText(),
          expected.path("kind").asText()).inNamespace(metadata.path("namespace").asText())
          .withName(metadata.path("name").asText()).get();
      assertThat(stored).as(expected.path("kind").asText() + " " + metadata.path("name").asText()).isNotNull();
      JsonNode actual = Json.toNode(stored);
      assertThat(actual.path("spec")).isEqualTo(expected.path("spec"));
      assertThat(actual.path("metadata").path("labels")).isEqualTo(metadata.path("labels"));
      assertThat(actual.path("metadata").path("annotations")).isEqualTo(metadata.path("annotations"));
      // render omits the uid of owner references (SPEC §6.1); the stored one must be the owner's
      assertThat(stored.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
        assertThat(owner.getUid()).isEqualTo(client.genericKubernetesResources(owner.getApiVersion(), owner.getKind())
            .inNamespace(metadata.path("namespace").asText()).withName(owner.getName()).get().getMetadata().getUid());
        ObjectNode withoutUid = Json.toNode(owner);
        withoutUid.remove("uid");
        assertThat(List.of(withoutUid)).isEqualTo(List.copyOf(metadata.path("ownerReferences").valueStream().toList()));
      });
    }
    assertThat(client.resources(DNSEndpoint.class).inNamespace(app.name()).list().getItems())
        .extracting(endpoint -> endpoint.getMetadata().getName())
        .containsExactly("web-external-dns-weu");
    assertThat(new CrdCheck(client).firstMissing()).isEmpty();
    assertThat(client.v1().events().inNamespace(app.name()).list().getItems())
        .filteredOn(event -> "PolicyActivated".equals(event.getReason()))
        .singleElement()
        .satisfies(event -> assertThat(event.getMessage())
            .isEqualTo("DNSPolicy is active for this cluster; controllers: external-dns-weu"));

    client.resources(DNSEndpoint.class).inNamespace(app.name()).withName("web-external-dns-weu").delete();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
        client.resources(DNSEndpoint.class).inNamespace(app.name()).withName("web-external-dns-weu").get())
        .as("a hand-deleted DNSEndpoint is restored").isNotNull());

    client.resources(ServiceRoute.class).inNamespace(app.name()).withName("web").delete();
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(client.resources(DNSEndpoint.class).inNamespace(app.name()).list().getItems()).isEmpty();
      assertThat(client.resources(io.fabric8.istio.api.networking.v1.Gateway.class).inNamespace(gateways.name())
          .withName("default-gateway").get()).as("no host remains").isNull();
      assertThat(client.resources(Gateway.class).inNamespace(gateways.name()).withName("default-gateway").get()
          .getStatus().getConditions().get(0).getReason()).isEqualTo(Vocabulary.NO_SERVICE_ROUTES);
    });

    client.resource(loadBalancer).delete();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
        client.resources(DNSEndpoint.class).inNamespace(gateways.name()).withName(address).get())
        .as("the address records of a deleted LoadBalancer are deleted").isNull());
  }



  /** The inputs as stored now, with the Namespaces and Services the planner also reads. */
  private static List<HasMetadata> stored(KubernetesClient client, List<HasMetadata> inputs) {
    List<HasMetadata> result = new ArrayList<>();
    inputs.forEach(input -> result.add(client.resource(input).get()));
    result.addAll(client.resources(Namespace.class).list().getItems());
    result.addAll(client.resources(Service.class).inAnyNamespace().list().getItems());
    return result;
  }
}
