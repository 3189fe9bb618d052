package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.Json;
import io.servicerouter.model.Kinds;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.testsupport.Binaries;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.HelmChart;
import io.servicerouter.testsupport.TestDirectories;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code helm install} of the chart with every option on into a real API server that has the prometheus-operator
 * CRDs but not yet the operator's: Helm installs the CRDs from {@code crds/}, the API server accepts every object
 * (schemas of the ServiceMonitor and PrometheusRule included), and {@code helm uninstall} removes the release but
 * keeps the CRDs and the users' objects.
 */
class ChartInstallIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String RELEASE = "sro";
  private static final String NAMESPACE = "service-router-system";

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
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("monitoring").endMetadata().build())
        .create();
  }

  @AfterAll
  static void stop() {
    if (controlPlane != null) {
      controlPlane.close();
    }
  }

  @Test
  void installsEveryObjectAndUninstallKeepsTheCrdsAndTheUsersObjects() {
    HelmChart chart = HelmChart.locate();
    String kubeconfig = "--kubeconfig=" + controlPlane.kubeconfig();
    chart.helm(List.of("install", RELEASE, chart.directory().toString(), kubeconfig, "--namespace", NAMESPACE,
        "--create-namespace", "--values",
        TestDirectories.repositoryRoot().resolve(HelmChart.CHART).resolve("ci/all-options-values.yaml").toString()));
    KubernetesClient client = controlPlane.client();

    List<GenericKubernetesResource> installed = RenderedChart.of(
        chart.helm(List.of("get", "manifest", RELEASE, kubeconfig, "--namespace", NAMESPACE))).objects();
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
    await("ClusterIdentity served").atMost(TIMEOUT).ignoreExceptions()
        .until(() -> client.resources(ClusterIdentity.class).list() != null);
    client.resource(Json.read("""
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: weu, cluster: aks01, domain: example.com, environmentLetter: p}
        """, ClusterIdentity.class)).create();

    chart.helm(List.of("uninstall", RELEASE, kubeconfig, "--namespace", NAMESPACE, "--wait"));
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName(RELEASE).get()).isNull();
    assertThat(client.rbac().clusterRoles().withName(RELEASE).get()).isNull();
    for (Class<? extends HasMetadata> kind : Kinds.ALL) {
      assertThat(client.apiextensions().v1().customResourceDefinitions()
          .withName(HasMetadata.getFullResourceName(kind)).get()).as("CRD kept").isNotNull();
    }
    assertThat(client.resources(ClusterIdentity.class).withName("cluster-identity").get()).as("user object kept")
        .isNotNull();
  }
}
