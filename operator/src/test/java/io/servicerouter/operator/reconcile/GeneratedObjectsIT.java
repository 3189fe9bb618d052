package io.servicerouter.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.servicerouter.model.Json;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.TestNamespace;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write rules of {@link GeneratedObjects} on a real API server (SPEC §3.10): creating never takes over an
 * object someone else created, applying never writes to another object than the one the cache saw, deleting
 * never deletes one that replaced it; and the operator's writes stay under its one server-side-apply manager, so
 * a later apply removes what it no longer sets.
 */
@ExtendWith(ControlPlaneExtension.class)
class GeneratedObjectsIT {

  private static DNSEndpoint endpoint(String namespace, ConfigMap owner, String target) {
    return Json.read("""
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata:
          name: web-external-dns-weu
          namespace: %s
          labels: {app.kubernetes.io/managed-by: service-router-operator, router.io/serviceroute: web}
          ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: %s, uid: %s, controller: true}]
        spec:
          endpoints: [{dnsName: web.example.com, recordType: CNAME, targets: [%s]}]
        """.formatted(namespace, owner.getMetadata().getName(), owner.getMetadata().getUid(), target),
        DNSEndpoint.class);
  }

  /** An owner that exists (made on first use), so that the garbage collector keeps the objects it owns. */
  private static ConfigMap owner(KubernetesClient client, String namespace, String name) {
    ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name).get();
    return existing != null ? existing : client.resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .withNamespace(namespace).endMetadata().build()).create();
  }

  private static DNSEndpoint foreign(String namespace) {
    return Json.read("""
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata: {name: web-external-dns-weu, namespace: %s, labels: {team: a}}
        spec:
          endpoints: [{dnsName: web.example.com, recordType: A, targets: [10.9.9.9]}]
        """.formatted(namespace), DNSEndpoint.class);
  }

  private static DNSEndpoint stored(KubernetesClient client, String namespace) {
    return client.resources(DNSEndpoint.class).inNamespace(namespace).withName("web-external-dns-weu").get();
  }

  @Test
  void aCreateUnderOneApplyManagerLetsLaterAppliesRemoveWhatTheyNoLongerSet(ControlPlane controlPlane) {
    KubernetesClient client = controlPlane.client();
    GeneratedObjects generated = new GeneratedObjects(client);
    try (TestNamespace namespace = TestNamespace.create(client, "generated")) {
      generated.apply(endpoint(namespace.name(), owner(client, namespace.name(), "owner-1"), "gw1.example.com"), Optional.empty());
      DNSEndpoint created = stored(client, namespace.name());
      assertThat(created.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager,
          ManagedFieldsEntry::getOperation).containsExactly(org.assertj.core.groups.Tuple.tuple(
              "service-router-operator", "Apply"));

      DNSEndpoint replacedOwner = endpoint(namespace.name(), owner(client, namespace.name(), "owner-2"), "gw2.example.com");
      replacedOwner.getMetadata().getLabels().remove("router.io/serviceroute");
      generated.apply(replacedOwner, Optional.of(created));

      DNSEndpoint updated = stored(client, namespace.name());
      assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
      assertThat(updated.getMetadata().getOwnerReferences()).extracting(r -> r.getName()).containsExactly("owner-2");
      assertThat(updated.getMetadata().getLabels()).doesNotContainKey("router.io/serviceroute");
      assertThat(updated.getSpec().getEndpoints().get(0).getTargets()).containsExactly("gw2.example.com");
    }
  }

  @Test
  void aCreateOfANameSomeoneElseTookIsRefusedAndTheirObjectIsUntouched(ControlPlane controlPlane) {
    KubernetesClient client = controlPlane.client();
    GeneratedObjects generated = new GeneratedObjects(client);
    try (TestNamespace namespace = TestNamespace.create(client, "generated")) {
      DNSEndpoint theirs = client.resource(foreign(namespace.name())).create();

      assertThatThrownBy(() -> generated.apply(endpoint(namespace.name(), owner(client, namespace.name(), "owner-1"), "gw1.example.com"), Optional.empty()))
          .isInstanceOf(GeneratedObjects.NameTakenException.class)
          .hasMessageContaining("DNSEndpoint " + namespace.name() + "/web-external-dns-weu exists");

      assertUntouched(client, namespace.name(), theirs);
    }
  }

  @Test
  void anApplyFromACacheThatSawAnEarlierObjectOfTheNameIsRefused(ControlPlane controlPlane) {
    KubernetesClient client = controlPlane.client();
    GeneratedObjects generated = new GeneratedObjects(client);
    try (TestNamespace namespace = TestNamespace.create(client, "generated")) {
      generated.apply(endpoint(namespace.name(), owner(client, namespace.name(), "owner-1"), "gw1.example.com"), Optional.empty());
      DNSEndpoint ours = stored(client, namespace.name());
      DNSEndpoint theirs = replaceByForeign(client, ours);

      assertThatThrownBy(() -> generated.apply(endpoint(namespace.name(), owner(client, namespace.name(), "owner-1"), "gw2.example.com"), Optional.of(ours)))
          .isInstanceOf(KubernetesClientException.class);

      assertUntouched(client, namespace.name(), theirs);
    }
  }

  @Test
  void aDeleteOfAnObjectThatWasReplacedLeavesTheReplacement(ControlPlane controlPlane) {
    KubernetesClient client = controlPlane.client();
    GeneratedObjects generated = new GeneratedObjects(client);
    try (TestNamespace namespace = TestNamespace.create(client, "generated")) {
      generated.apply(endpoint(namespace.name(), owner(client, namespace.name(), "owner-1"), "gw1.example.com"), Optional.empty());
      DNSEndpoint ours = stored(client, namespace.name());
      DNSEndpoint theirs = replaceByForeign(client, ours);

      generated.delete(ours);

      assertUntouched(client, namespace.name(), theirs);
      client.resource(theirs).delete();
      generated.delete(ours);
      assertThat(stored(client, namespace.name())).as("already gone: nothing to do, no error").isNull();
    }
  }

  @Test
  void aDeleteOfTheOwnedObjectDeletesIt(ControlPlane controlPlane) {
    KubernetesClient client = controlPlane.client();
    GeneratedObjects generated = new GeneratedObjects(client);
    try (TestNamespace namespace = TestNamespace.create(client, "generated")) {
      generated.apply(endpoint(namespace.name(), owner(client, namespace.name(), "owner-1"), "gw1.example.com"), Optional.empty());

      generated.delete(stored(client, namespace.name()));

      client.resources(DNSEndpoint.class).inNamespace(namespace.name()).withName("web-external-dns-weu")
          .waitUntilCondition(o -> o == null, 30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** Deletes {@code ours}, waits until it is gone, and creates a foreign object with its name. */
  private static DNSEndpoint replaceByForeign(KubernetesClient client, DNSEndpoint ours) {
    String namespace = ours.getMetadata().getNamespace();
    client.resource(ours).withGracePeriod(0).delete();
    client.resources(DNSEndpoint.class).inNamespace(namespace).withName(ours.getMetadata().getName())
        .waitUntilCondition(o -> o == null, 30, java.util.concurrent.TimeUnit.SECONDS);
    return client.resource(foreign(namespace)).create();
  }

  private static void assertUntouched(KubernetesClient client, String namespace, DNSEndpoint theirs) {
    DNSEndpoint now = stored(client, namespace);
    assertThat(now.getMetadata().getUid()).isEqualTo(theirs.getMetadata().getUid());
    assertThat(now.getMetadata().getResourceVersion()).isEqualTo(theirs.getMetadata().getResourceVersion());
    assertThat(now.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(now.getMetadata().getLabels()).isEqualTo(java.util.Map.of("team", "a"));
    assertThat(now.getSpec().getEndpoints()).extracting(e -> e.getTargets()).containsExactly(List.of("10.9.9.9"));
  }
}
