package io.servicerouter.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.Json;
import io.servicerouter.model.externaldns.DNSEndpoint;
import org.junit.jupiter.api.Test;

class GeneratedObjectsTest {

  private static final String DESIRED = """
      apiVersion: externaldns.k8s.io/v1alpha1
      kind: DNSEndpoint
      metadata:
        name: web-external-dns-weu
        namespace: myapp
        labels: {app.kubernetes.io/managed-by: service-router-operator, router.io/serviceroute: web}
        annotations: {external-dns.alpha.kubernetes.io/controller: external-dns-weu}
        ownerReferences: [{apiVersion: routing.router.io/v1alpha1, kind: ServiceRoute, name: web, uid: u1, controller: true, blockOwnerDeletion: true}]
      spec:
        endpoints: [{dnsName: web.example.com, recordType: CNAME, targets: [gw.example.com]}]
      """;

  private static DNSEndpoint parse(String yaml) {
    return Json.read(yaml, DNSEndpoint.class);
  }

  @Test
  void anObjectWithTheDesiredStateAndForeignExtrasIsUpToDate() {
    DNSEndpoint existing = parse(DESIRED);
    existing.getMetadata().setResourceVersion("7");
    existing.getMetadata().getLabels().put("team", "a");

    assertThat(GeneratedObjects.upToDate(existing, parse(DESIRED))).isTrue();
  }

  @Test
  void aDifferentSpecLabelOrOwnerIsNotUpToDate() {
    DNSEndpoint spec = parse(DESIRED);
    spec.getSpec().getEndpoints().get(0).setTargets(java.util.List.of("other.example.com"));
    DNSEndpoint label = parse(DESIRED);
    label.getMetadata().getLabels().put("router.io/serviceroute", "api");
    DNSEndpoint owner = parse(DESIRED);
    owner.getMetadata().getOwnerReferences().get(0).setUid("u2");

    assertThat(GeneratedObjects.upToDate(spec, parse(DESIRED))).isFalse();
    assertThat(GeneratedObjects.upToDate(label, parse(DESIRED))).isFalse();
    assertThat(GeneratedObjects.upToDate(owner, parse(DESIRED))).isFalse();
  }
}
