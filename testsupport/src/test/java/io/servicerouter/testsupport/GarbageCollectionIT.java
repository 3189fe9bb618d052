package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteSpec;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.TestNamespace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kube-controller-manager does its part for the operator: the garbage collector deletes the DNSEndpoints a
 * deleted ServiceRoute owned, and the namespace controller empties and removes a deleted namespace.
 */
@ExtendWith(ControlPlaneExtension.class)
class GarbageCollectionIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void deletingARouteDeletesTheDnsEndpointItOwns(ControlPlane controlPlane) {
    KubernetesClient client = controlPlane.client();
    try (TestNamespace namespace = TestNamespace.create(client, "gc")) {
      ServiceRoute route = client.resource(route(namespace.name())).create();
      DNSEndpoint owned = DnsEndpoints.cname(namespace.name(), "owned", "web.weu.example.test", "gw.example.org");
      owned.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
          .withApiVersion(route.getApiVersion()).withKind(route.getKind())
          .withName(route.getMetadata().getName()).withUid(route.getMetadata().getUid())
          .withController(true).withBlockOwnerDeletion(true).build()));
      client.resource(owned).create();
      client.resource(DnsEndpoints.cname(namespace.name(), "unowned", "api.weu.example.test", "gw.example.org"))
          .create();

      client.resource(route).delete();

      var endpoints = client.resources(DNSEndpoint.class).inNamespace(namespace.name());
      await("owned DNSEndpoint deleted").atMost(TIMEOUT).until(() -> endpoints.withName("owned").get() == null);
      assertThat(endpoints.withName("unowned").get()).as("DNSEndpoint without owner").isNotNull();
    }
  }

  @Test
  void deletingANamespaceRemovesItsObjectsAndFinishes(ControlPlane controlPlane) {
    KubernetesClient client = controlPlane.client();
    TestNamespace namespace = TestNamespace.create(client, "gc-namespace");
    client.resource(route(namespace.name())).create();
    client.resource(DnsEndpoints.cname(namespace.name(), "web", "web.weu.example.test", "gw.example.org")).create();

    namespace.close();

    await("namespace " + namespace.name() + " gone").atMost(TIMEOUT)
        .until(() -> client.namespaces().withName(namespace.name()).get() == null);
  }

  private static ServiceRoute route(String namespace) {
    ServiceRouteSpec spec = new ServiceRouteSpec();
    spec.setServiceName("web");
    spec.setGatewayName("default-gateway");
    spec.setEnvironment("prod");
    spec.setApplication("shop");
    ServiceRoute route = new ServiceRoute();
    route.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName("web").build());
    route.setSpec(spec);
    return route;
  }
}
