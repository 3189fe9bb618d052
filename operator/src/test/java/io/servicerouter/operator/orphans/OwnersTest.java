package io.servicerouter.operator.orphans;

import static io.servicerouter.operator.cache.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.InMemoryCaches;
import io.servicerouter.planner.Options;
import org.junit.jupiter.api.Test;

class OwnersTest {

  private final InMemoryCaches stores = new InMemoryCaches(Options.DEFAULTS);
  private final Owners owners = new Owners(stores.caches());
  private final ServiceRoute route = object(ServiceRoute.class, """
      apiVersion: routing.router.io/v1alpha1
      kind: ServiceRoute
      metadata: {name: web, namespace: myapp}
      spec: {serviceName: web, gatewayName: gw, environment: prod, application: shop}
      """);

  private static DNSEndpoint endpoint(String labels, String apiVersion, String kind, String name, String uid) {
    return object(DNSEndpoint.class, """
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata:
          name: x
          namespace: myapp
          labels: {%s}
          ownerReferences: [{apiVersion: %s, kind: %s, name: %s, uid: %s, controller: true}]
        spec: {endpoints: []}
        """.formatted(labels, apiVersion, kind, name, uid));
  }

  @Test
  void routeEndpointsAreOwnedThroughTheirServiceRoute() {
    DNSEndpoint owned = endpoint("", "routing.router.io/v1alpha1", "ServiceRoute", "web", "u1");

    assertThat(Owners.ownedThrough(owned)).map(OwnerReference::getName).contains("web");
  }

  @Test
  void addressEndpointsAreOwnedOnlyWithTheirLabels() {
    String labels = "app.kubernetes.io/managed-by: service-router-operator, router.io/resource-type: gateway-service";

    assertThat(Owners.ownedThrough(endpoint(labels, "v1", "Service", "lb", "u1"))).isPresent();
    assertThat(Owners.ownedThrough(endpoint("", "v1", "Service", "lb", "u1"))).isEmpty();
  }

  @Test
  void objectsControlledByOtherKindsAreNotOwned() {
    assertThat(Owners.ownedThrough(endpoint("", "apps/v1", "Deployment", "web", "u1"))).isEmpty();
  }

  @Test
  void anOwnerExistsOnlyWithTheSameUid() {
    stores.put(route);

    assertThat(owners.exists("myapp", Owners.ownedThrough(
        endpoint("", "routing.router.io/v1alpha1", "ServiceRoute", "web", route.getMetadata().getUid())).orElseThrow()))
        .isTrue();
    assertThat(owners.exists("myapp", Owners.ownedThrough(
        endpoint("", "routing.router.io/v1alpha1", "ServiceRoute", "web", "recreated")).orElseThrow()))
        .isFalse();
  }

  @Test
  void anOwnerBeingDeletedIsGone() {
    route.getMetadata().setDeletionTimestamp("2026-01-02T00:00:00Z");
    stores.put(route);

    assertThat(owners.exists("myapp", Owners.ownedThrough(
        endpoint("", "routing.router.io/v1alpha1", "ServiceRoute", "web", route.getMetadata().getUid())).orElseThrow()))
        .isFalse();
  }

  @Test
  void anOwnersChangeReachesTheObjectsItControls() {
    DNSEndpoint mine = endpoint("", "routing.router.io/v1alpha1", "ServiceRoute", "web", route.getMetadata().getUid());
    DNSEndpoint other = endpoint("", "routing.router.io/v1alpha1", "ServiceRoute", "api", "u2");
    other.getMetadata().setName("y");
    stores.put(mine, other);

    assertThat(new OwnedObjectsOfOwnerMapper<ServiceRoute>(stores.caches().dnsEndpoints()).toPrimaryResourceIDs(route))
        .containsExactly(ResourceID.fromResource(mine));
  }

  @Test
  void aServiceThatStoppedBeingAnIstioLoadBalancerOwnsNoAddressRecords() {
    Service service = object(Service.class, """
        apiVersion: v1
        kind: Service
        metadata: {name: lb, namespace: myapp, labels: {istio: ingress}}
        spec: {type: LoadBalancer}
        """);
    stores.put(service);
    OwnerReference owner = Owners.ownedThrough(endpoint(
        "app.kubernetes.io/managed-by: service-router-operator, router.io/resource-type: gateway-service",
        "v1", "Service", "lb", service.getMetadata().getUid())).orElseThrow();
    assertThat(owners.exists("myapp", owner)).isTrue();

    service.getSpec().setType("ClusterIP");
    assertThat(owners.exists("myapp", owner)).isFalse();
  }

  @Test
  void routeGroupsAreOwnedThroughTheirDNSPolicyOnlyWithTheirLabelsAndOrphanedWhenItIsGone() {
    String labels = "app.kubernetes.io/managed-by: service-router-operator, router.io/resource-type: service-routes";
    DNSPolicy policy = object(DNSPolicy.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: default, namespace: myapp}
        spec: {mode: Active}
        """);
    DNSEndpoint group = endpoint(labels, "routing.router.io/v1alpha1", "DNSPolicy", "default", policy.getMetadata().getUid());

    assertThat(Owners.ownedThrough(endpoint("", "routing.router.io/v1alpha1", "DNSPolicy", "default", "u1"))).isEmpty();
    OwnerReference owner = Owners.ownedThrough(group).orElseThrow();
    assertThat(owners.exists("myapp", owner)).as("policy not there").isFalse();
    stores.put(policy);
    assertThat(owners.exists("myapp", owner)).isTrue();
  }
}
