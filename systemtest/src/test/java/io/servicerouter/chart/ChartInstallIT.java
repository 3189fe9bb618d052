package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.servicerouter.model.Json;
import io.servicerouter.model.Kinds;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.testsupport.Binaries;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.HelmChart;
import io.servicerouter.testsupport.Kubeconfig;
import io.servicerouter.testsupport.TestDirectories;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code helm install} of the chart with every option on into a real API server that has the prometheus-operator
 * CRDs but not yet the operator's: Helm installs the CRDs from {@code crds/}, the API server accepts every object
 * (schemas of the ServiceMonitor and PrometheusRule included); the tenant boundaries hold (an application team
 * with the chart's app-team role writes only ServiceRoutes and DNSPolicies in its namespace; nobody but the
 * operator writes DNSEndpoints that ExternalDNS would publish; Gateways reference only allowed TLS secrets);
 * and {@code helm uninstall} removes the release but keeps the CRDs and the users' objects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartInstallIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String RELEASE = "sro";
  private static final String NAMESPACE = "service-router-system";

  private static final String OPERATOR_SERVICE_ACCOUNT = "sro-operator";
  private static final String TEAM_NAMESPACE = "shop";
  private static final String ONLY_THE_OPERATOR = "only the Service Router Operator (system:serviceaccount:"
      + NAMESPACE + ":" + OPERATOR_SERVICE_ACCOUNT + ") may write DNSEndpoints";

  private static ControlPlane controlPlane;

  @BeforeAll
  static void start() throws Exception {
    controlPlane = ControlPlane.start("chart");
    KubernetesClient client = controlPlane.client();
    for (Class<? extends HasMetadata> kind : Kinds.ALL) {
      client.apiextensions().v1().customResourceDefinitions().withName(HasMetadata.getFullResourceName(kind)).delete();
    }
    await("the operator's CRDs removed").atMost(TIMEOUT).until(() -> Kinds.ALL.stream().noneMatch(kind -> client
        .apiextensions().v1().customResourceDefinitions().withName(HasMetadata.getFullResourceName(kind)).get() != null));
    for (String file : List.of("servicemonitor.yaml", "prometheusrule.yaml")) {
      try (InputStream in = Files.newInputStream(Binaries.locate().monitoringCrd(file))) {
        client.load(in).items().forEach(crd -> client.resource(crd).create());
      }
    }
    await("the monitoring CRDs served").atMost(TIMEOUT).ignoreExceptions().until(() ->
        client.genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule").inAnyNamespace().list() != null
            && client.genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor").inAnyNamespace()
                .list() != null);
    for (String namespace : List.of("monitoring", TEAM_NAMESPACE)) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    HelmChart chart = HelmChart.locate();
    chart.helm(List.of("install", RELEASE, chart.directory().toString(), kubeconfig(), "--namespace", NAMESPACE,
        "--create-namespace", "--values",
        TestDirectories.repositoryRoot().resolve(HelmChart.CHART).resolve("ci/all-options-values.yaml").toString(),
        // The zone agent sidecar, its Service and the operator's egress to it, validated by the API server too.
        "--set", "externalDns.zoneAgent.enabled=true", "--set", "externalDns.zoneAgent.cluster=aks01"));
    // Right after a CRD is Established, the API server may answer 429 "storage is (re)initializing" for a while.
    await("the operator's kinds served").atMost(TIMEOUT).ignoreExceptions().until(() -> Kinds.ALL.stream()
        .allMatch(kind -> client.resources(kind).inAnyNamespace().list() != null));
  }

  @AfterAll
  static void stop() {
    if (controlPlane != null) {
      controlPlane.close();
    }
  }

  @Test
  @Order(1)
  void everyObjectIsInTheClusterWithTheCrds() {
    KubernetesClient client = controlPlane.client();
    List<GenericKubernetesResource> installed = RenderedChart.of(HelmChart.locate()
        .helm(List.of("get", "manifest", RELEASE, kubeconfig(), "--namespace", NAMESPACE))).objects();
    assertThat(installed).hasSizeGreaterThan(15);
    for (GenericKubernetesResource object : installed) {
      assertThat(client.resource(object).get()).as("%s/%s in the cluster", object.getKind(),
          object.getMetadata().getName()).isNotNull();
    }
    for (Class<? extends HasMetadata> kind : Kinds.ALL) {
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
          .withName(HasMetadata.getFullResourceName(kind)).get();
      assertThat(crd).as("CRD of %s installed by Helm", kind.getSimpleName()).isNotNull();
    }
  }

  @Test
  @Order(2)
  void anApplicationTeamWritesOnlyItsRoutesAndPolicies() {
    KubernetesClient admin = controlPlane.client();
    admin.serviceAccounts().inNamespace(TEAM_NAMESPACE).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("team").endMetadata().build()).create();
    admin.rbac().roleBindings().inNamespace(TEAM_NAMESPACE).resource(new RoleBindingBuilder().withNewMetadata()
        .withName("team").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole").withName(RELEASE + "-app-team").endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("team").withNamespace(TEAM_NAMESPACE).endSubject()
        .build()).create();
    try (KubernetesClient team = client(controlPlane.serviceAccountKubeconfig(TEAM_NAMESPACE, "team"))) {
      team.resource(object(DNSPolicy.class, "kind: DNSPolicy", "spec: {mode: Active}")).create();
      team.resource(object(ServiceRoute.class, "kind: ServiceRoute",
          "spec: {serviceName: web, gatewayName: gw, environment: prod, application: shop}")).create();
      assertThat(team.resources(Gateway.class).inNamespace(TEAM_NAMESPACE).list().getItems()).isEmpty();
      assertForbidden(() -> team.resource(object(Gateway.class, "kind: Gateway",
          "spec: {controller: c, credentialName: cert-internal, targetPostfix: internal}")).create());
      assertForbidden(() -> team.resource(object(ClusterIdentity.class, "kind: ClusterIdentity",
          "spec: {region: weu, cluster: aks01, domain: example.com, environmentLetter: p}")).create());
      assertForbidden(() -> team.resource(object(DNSEndpoint.class, "kind: DNSEndpoint", "spec: {endpoints: []}"))
          .create());
      assertForbidden(() -> team.resources(ServiceRoute.class).inNamespace("default").list());
    }
  }

  @Test
  @Order(3)
  void nobodyButTheOperatorWritesDnsEndpointsThatExternalDnsPublishes() throws Exception {
    KubernetesClient admin = controlPlane.client();
    DNSEndpoint published = object(DNSEndpoint.class, "kind: DNSEndpoint",
        "metadata: {name: web, namespace: shop, labels: {router.io/controller: external-dns-neu}}",
        "spec: {endpoints: [{dnsName: web.example.com, recordType: CNAME, targets: [x.example.com]}]}");
    await("the policy enforced").atMost(TIMEOUT).untilAsserted(() -> assertThatThrownBy(() ->
        admin.resource(published).create()).isInstanceOfSatisfying(KubernetesClientException.class, e ->
            assertThat(e.getMessage()).contains(ONLY_THE_OPERATOR)));
    DNSEndpoint annotated = object(DNSEndpoint.class, "kind: DNSEndpoint", "metadata: {name: api, namespace: shop,"
        + " annotations: {external-dns.alpha.kubernetes.io/controller: external-dns-neu}}", "spec: {endpoints: []}");
    assertThatThrownBy(() -> admin.resource(annotated).create()).hasMessageContaining(ONLY_THE_OPERATOR);
    DNSEndpoint unmarked = admin.resource(object(DNSEndpoint.class, "kind: DNSEndpoint",
        "metadata: {name: other, namespace: shop}", "spec: {endpoints: []}")).create();
    assertThatThrownBy(() -> admin.resource(unmarked).edit(e -> {
      e.getMetadata().setLabels(Map.of("router.io/controller", "external-dns-neu"));
      return e;
    })).as("marking an existing DNSEndpoint").hasMessageContaining(ONLY_THE_OPERATOR);
    try (KubernetesClient operator = client(controlPlane.serviceAccountKubeconfig(NAMESPACE, OPERATOR_SERVICE_ACCOUNT))) {
      assertThat(operator.resource(published).create().getMetadata().getUid()).isNotBlank();
    }
    DNSEndpoint stored = admin.resource(published).get();
    assertThatThrownBy(() -> admin.resource(stored).edit(e -> {
      e.getSpec().getEndpoints().get(0).setTargets(List.of("attacker.example.com"));
      return e;
    })).as("changing the operator's DNSEndpoint").hasMessageContaining(ONLY_THE_OPERATOR);
    assertThat(admin.resource(stored).edit(e -> {
      e.getMetadata().setOwnerReferences(List.of());
      return e;
    })).as("an update that leaves labels, annotations and spec alone (garbage collection)").isNotNull();
  }

  @Test
  @Order(4)
  void gatewaysReferenceOnlyTheAllowedTlsSecrets() {
    KubernetesClient admin = controlPlane.client();
    await("the policy enforced").atMost(TIMEOUT).untilAsserted(() -> assertThatThrownBy(() ->
        admin.resource(object(Gateway.class, "kind: Gateway", "metadata: {name: stolen, namespace: shop}",
            "spec: {controller: c, credentialName: other-teams-cert, targetPostfix: internal}")).create())
        .hasMessageContaining("spec.credentialName \"other-teams-cert\" is not one of the allowed TLS secrets"));
    assertThat(admin.resource(object(Gateway.class, "kind: Gateway", "metadata: {name: allowed, namespace: shop}",
        "spec: {controller: c, credentialName: cert-internal, targetPostfix: internal}")).create()).isNotNull();
  }

  @Test
  @Order(5)
  void uninstallKeepsTheCrdsAndTheUsersObjects() {
    KubernetesClient client = controlPlane.client();
    client.resource(Json.read("""
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: weu, cluster: aks01, domain: example.com, environmentLetter: p}
        """, ClusterIdentity.class)).create();

    HelmChart.locate().helm(List.of("uninstall", RELEASE, kubeconfig(), "--namespace", NAMESPACE, "--wait"));
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName(RELEASE).get()).isNull();
    assertThat(client.rbac().clusterRoles().withName(RELEASE).get()).isNull();
    for (Class<? extends HasMetadata> kind : Kinds.ALL) {
      assertThat(client.apiextensions().v1().customResourceDefinitions()
          .withName(HasMetadata.getFullResourceName(kind)).get()).as("CRD kept").isNotNull();
    }
    assertThat(client.resources(ClusterIdentity.class).withName("cluster-identity").get()).as("user object kept")
        .isNotNull();
  }

  private static String kubeconfig() {
    return "--kubeconfig=" + controlPlane.kubeconfig();
  }

  private static KubernetesClient client(Path kubeconfig) {
    return new KubernetesClientBuilder().withConfig(new Kubeconfig(kubeconfig).clientConfig()).build();
  }

  /** An object of {@code type} in the team namespace from YAML lines (kind, metadata, spec), named "web" by default. */
  private static <T extends HasMetadata> T object(Class<T> type, String... lines) {
    String yaml = "apiVersion: " + HasMetadata.getApiVersion(type) + "\n" + String.join("\n", lines) + "\n";
    T object = Json.read(yaml, type);
    if (object.getMetadata() == null || object.getMetadata().getName() == null) {
      object.setMetadata(new ObjectMetaBuilder().withName("web").withNamespace(TEAM_NAMESPACE).build());
    }
    return object;
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getCode()).as(e.getMessage()).isEqualTo(403));
  }
}
