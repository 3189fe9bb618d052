package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** The adapter over {@code io.servicerouter.validation}: schema, CEL and metadata problems of one object. */
class CrdSchemaCheckTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final CrdSchemaCheck CHECK = CrdSchemaCheck.fromClasspath();

  @Test
  void aValidObjectHasNoProblems() throws Exception {
    assertThat(CHECK.problems(YAML.readTree("""
        {apiVersion: routing.router.io/v1alpha1, kind: Gateway, metadata: {name: gw, namespace: istio-system},
         spec: {controller: c, credentialName: cert, targetPostfix: external}}
        """))).isEmpty();
  }

  @Test
  void schemaAndMetadataProblemsAreReportedByField() throws Exception {
    assertThat(CHECK.problems(YAML.readTree("""
        {apiVersion: cluster.router.io/v1alpha1, kind: ClusterIdentity, metadata: {name: Cluster_Identity},
         spec: {region: NEU, cluster: aks01, domain: example.com}}
        """))).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("spec.region", "spec.environmentLetter", "metadata.name");
  }

  @Test
  void aServiceRouteNameIsLeftToTheChecksOfItsParts() throws Exception {
    assertThat(CHECK.problems(YAML.readTree("""
        {apiVersion: routing.router.io/v1alpha1, kind: ServiceRoute, metadata: {name: NID-auth, namespace: Nid},
         spec: {serviceName: auth, gatewayName: gw, environment: dev, application: NID}}
        """))).extracting(FieldProblem::field).containsExactlyInAnyOrder("spec.application", "metadata.namespace");
  }
}
