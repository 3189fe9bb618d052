package io.servicerouter.operator.cache;

import static io.servicerouter.operator.cache.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.AddressRecordsMode;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.SpecProblems;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSnapshotTest {

  private final InMemoryCaches stores = new InMemoryCaches(new Options("gw-system", AddressRecordsMode.ACTIVE, DnsEndpointLayout.ROUTE));
  private final CacheSnapshot snapshot = new CacheSnapshot(stores.caches(), object -> List.of("problem of " + object.getMetadata().getName()));

  static ServiceRoute route(String namespace, String name, String service, String gatewayNamespace) {
    return object(ServiceRoute.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        metadata: {name: %s, namespace: %s}
        spec: {serviceName: %s, gatewayName: gw, gatewayNamespace: %s, environment: prod, application: shop}
        """.formatted(name, namespace, service, gatewayNamespace));
  }

  static Gateway gateway(String namespace, String name, String postfix) {
    return object(Gateway.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: Gateway
        metadata: {name: %s, namespace: %s}
        spec: {controller: ingress, credentialName: cert, targetPostfix: %s}
        """.formatted(name, namespace, postfix));
  }

  static Service service(String name, String type, String istio) {
    return object(Service.class, """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: istio-system, labels: {istio: %s}}
        spec: {type: %s}
        """.formatted(name, istio, type));
  }

  @Test
  void routesAreFoundByEffectiveGatewayUsingTheDefaultGatewayNamespace() {
    ServiceRoute defaulted = route("a", "web", "web", "\"\"");
    ServiceRoute explicit = route("b", "api", "api", "other");
    stores.put(defaulted, explicit);

    assertThat(snapshot.routesOfGateway("gw-system", "gw")).containsExactly(defaulted);
    assertThat(snapshot.routesOfGateway("other", "gw")).containsExactly(explicit);
    assertThat(snapshot.route("b", "api")).contains(explicit);
    assertThat(snapshot.routes()).containsExactlyInAnyOrder(defaulted, explicit);
  }

  @Test
  void routesAreFoundByHostnameParts() {
    ServiceRoute first = route("a", "web", "web", "x");
    ServiceRoute sameHostname = route("b", "web", "web", "y");
    ServiceRoute other = route("a", "api", "api", "x");
    stores.put(first, sameHostname, other);

    assertThat(snapshot.routesWithHostnameParts("web", "prod", "shop")).containsExactlyInAnyOrder(first, sameHostname);
  }

  @Test
  void objectsBeingDeletedAreInvisible() {
    ServiceRoute deleting = route("a", "web", "web", "x");
    deleting.getMetadata().setDeletionTimestamp("2026-01-02T00:00:00Z");
    stores.put(deleting);

    assertThat(snapshot.routes()).isEmpty();
    assertThat(snapshot.route("a", "web")).isEmpty();
    assertThat(snapshot.routesOfGateway("x", "gw")).isEmpty();
  }

  @Test
  void policiesAreFoundByNamespace() {
    DNSPolicy policy = object(DNSPolicy.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: default, namespace: myapp}
        spec: {mode: Active}
        """);
    stores.put(policy);

    assertThat(snapshot.policiesIn("myapp")).containsExactly(policy);
    assertThat(snapshot.policiesIn("other")).isEmpty();
  }

  @Test
  void gatewaysAreFoundByKeyAndPostfix() {
    Gateway internal = gateway("istio-system", "a", "internal");
    Gateway external = gateway("istio-system", "b", "external");
    stores.put(internal, external);

    assertThat(snapshot.gatewaysWithPostfix("internal")).containsExactly(internal);
    assertThat(snapshot.gateway("istio-system", "b")).contains(external);
    assertThat(snapshot.gateway("other", "b")).isEmpty();
  }

  @Test
  void onlyLoadBalancerServicesAreFoundByIstioLabel() {
    Service loadBalancer = service("lb", "LoadBalancer", "ingress");
    Service clusterIp = service("internal", "ClusterIP", "ingress");
    stores.put(loadBalancer, clusterIp);

    assertThat(snapshot.loadBalancerServices("ingress")).containsExactly(loadBalancer);
  }

  @Test
  void existingObjectsComeFromTheGeneratedObjectCaches() {
    DNSEndpoint endpoint = object(DNSEndpoint.class, """
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata: {name: web-external-dns-weu, namespace: myapp}
        spec: {endpoints: []}
        """);
    stores.put(endpoint);

    assertThat(snapshot.existing()).isPresent();
    assertThat(snapshot.existing().get().dnsEndpoint("myapp", "web-external-dns-weu")).contains(endpoint);
    assertThat(snapshot.existing().get().istioGateway("myapp", "web")).isEmpty();
  }

  @Test
  void schemaProblemsComeFromTheInjectedValidator() {
    ServiceRoute route = route("a", "web", "web", "x");

    assertThat(snapshot.schemaProblems(route)).containsExactly("problem of web");
    assertThat(new CacheSnapshot(stores.caches(), SpecProblems.NONE).schemaProblems(route)).isEmpty();
  }
}
