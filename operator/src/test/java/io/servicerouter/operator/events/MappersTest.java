package io.servicerouter.operator.events;

import static io.servicerouter.operator.events.MapperFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.addressrecords.AllLoadBalancersMapper;
import io.servicerouter.operator.addressrecords.LoadBalancersOfIstioControllerMapper;
import io.servicerouter.operator.cache.InMemoryCaches;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.gateway.GatewayOfRouteMapper;
import io.servicerouter.operator.gateway.GatewaysOfIstioControllerMapper;
import io.servicerouter.operator.gateway.GatewaysOfRoutesInNamespaceMapper;
import io.servicerouter.operator.serviceroute.RoutesInNamespaceMapper;
import io.servicerouter.operator.serviceroute.RoutesOfGatewayMapper;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.SnapshotIndexes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each mapper in isolation, over in-memory caches: an input change reaches exactly the primaries it affects. */
class MappersTest {

  private final InMemoryCaches stores = new InMemoryCaches(Options.DEFAULTS);
  private final SharedCaches caches = stores.caches();

  private final ServiceRoute webA = route("a", "web", "web", "internal");
  private final ServiceRoute apiA = route("a", "api", "api", "external");
  private final ServiceRoute webB = route("b", "web", "web", "internal");
  private final Gateway internal = gateway("internal", "ingress-int", "int");
  private final Gateway external = gateway("external", "ingress-ext", "ext");
  private final Gateway internal2 = gateway("internal2", "ingress-int2", "int");
  private final Service lbInt = service("lb-int", "LoadBalancer", "ingress-int");
  private final Service lbInt2 = service("lb-int-2", "LoadBalancer", "ingress-int");
  private final Service clusterIp = service("cip", "ClusterIP", "ingress-int");
  private final Service lbExt = service("lb-ext", "LoadBalancer", "ingress-ext");

  MappersTest() {
    stores.put(webA, apiA, webB, internal, external, internal2, lbInt, lbInt2, clusterIp, lbExt);
  }

  @Nested
  class AllPrimaries {
    @Test
    void aClusterIdentityChangeReachesEveryRoute() {
      assertThat(new AllPrimariesMapper<>(caches.routes()).toPrimaryResourceIDs(identity()))
          .containsExactlyInAnyOrder(id(webA), id(apiA), id(webB));
    }

    @Test
    void everyLoadBalancerServiceWithAnIstioLabel() {
      assertThat(new AllLoadBalancersMapper<>(caches.services()).toPrimaryResourceIDs(identity()))
          .containsExactlyInAnyOrder(id(lbInt), id(lbInt2), id(lbExt));
    }
  }

  @Nested
  class Namespaces {
    @Test
    void aPolicyChangeReachesTheRoutesOfItsNamespaceOnly() {
      assertThat(RoutesInNamespaceMapper.ofNamespacedObject(caches.routes()).toPrimaryResourceIDs(policy("a", "default")))
          .containsExactlyInAnyOrder(id(webA), id(apiA));
    }

    @Test
    void aNamespaceChangeReachesItsRoutes() {
      assertThat(RoutesInNamespaceMapper.ofNamespace(caches.routes()).toPrimaryResourceIDs(namespace("b")))
          .containsExactly(id(webB));
    }

    @Test
    void aPolicyChangeReachesThePoliciesOfItsNamespace() {
      DNSPolicy first = policy("a", "default");
      DNSPolicy second = policy("a", "second");
      DNSPolicy elsewhere = policy("b", "default");
      stores.put(first, second, elsewhere);

      assertThat(new SharingIndexKeyMapper<>(caches.policies(), SnapshotIndexes.BY_NAMESPACE).toPrimaryResourceIDs(second))
          .containsExactlyInAnyOrder(id(first), id(second));
    }

    @Test
    void aPolicyChangeReachesTheGatewaysOfItsNamespacesRoutes() {
      assertThat(GatewaysOfRoutesInNamespaceMapper.ofNamespacedObject(caches.routes(), Options.DEFAULTS)
          .toPrimaryResourceIDs(policy("a", "default")))
          .containsExactlyInAnyOrder(id(internal), id(external));
      assertThat(GatewaysOfRoutesInNamespaceMapper.ofNamespace(caches.routes(), Options.DEFAULTS)
          .toPrimaryResourceIDs(namespace("b")))
          .containsExactly(id(internal));
    }
  }

  @Nested
  class GatewaysAndRoutes {
    @Test
    void aGatewayChangeReachesTheRoutesAttachedToIt() {
      assertThat(new RoutesOfGatewayMapper(caches.routes()).toPrimaryResourceIDs(internal))
          .containsExactlyInAnyOrder(id(webA), id(webB));
    }

    @Test
    void aGatewayChangeReachesTheGatewaysSharingItsPostfix() {
      assertThat(new SharingIndexKeyMapper<>(caches.gateways(), SnapshotIndexes.GATEWAYS_BY_POSTFIX).toPrimaryResourceIDs(internal))
          .containsExactlyInAnyOrder(id(internal), id(internal2));
    }

    @Test
    void aRouteChangeReachesItsEffectiveGatewayInTheDefaultNamespace() {
      assertThat(new GatewayOfRouteMapper(Options.DEFAULTS).toPrimaryResourceIDs(apiA))
          .containsExactly(new ResourceID("external", "istio-system"));
    }

    @Test
    void aRouteChangeReachesTheRoutesSharingItsHostname() {
      assertThat(new SharingIndexKeyMapper<>(caches.routes(), SnapshotIndexes.ROUTES_BY_HOSTNAME_PARTS).toPrimaryResourceIDs(webB))
          .containsExactlyInAnyOrder(id(webA), id(webB));
    }
  }

  @Nested
  class LoadBalancers {
    @Test
    void aServiceChangeReachesTheGatewaysOfItsIstioController() {
      assertThat(GatewaysOfIstioControllerMapper.ofService(caches.gateways()).toPrimaryResourceIDs(lbInt))
          .containsExactly(id(internal));
      assertThat(GatewaysOfIstioControllerMapper.ofService(caches.gateways()).toPrimaryResourceIDs(clusterIp)).isEmpty();
    }

    @Test
    void anAddressEndpointChangeReachesTheGatewaysOfItsIstioController() {
      DNSEndpoint address = endpoint("istio-system", "gateway-controller-ingress-ext-ext-dns",
          "router.io/istio-controller: ingress-ext", "Service", "lb-ext");

      assertThat(GatewaysOfIstioControllerMapper.<DNSEndpoint>ofAddressEndpoint(caches.gateways()).toPrimaryResourceIDs(address))
          .containsExactly(id(external));
    }

    @Test
    void aGatewayChangeReachesTheLoadBalancersOfItsController() {
      assertThat(LoadBalancersOfIstioControllerMapper.ofGateway(caches.services()).toPrimaryResourceIDs(internal))
          .containsExactlyInAnyOrder(id(lbInt), id(lbInt2));
    }

    @Test
    void aServiceChangeReachesItsSiblingLoadBalancers() {
      assertThat(LoadBalancersOfIstioControllerMapper.ofService(caches.services()).toPrimaryResourceIDs(lbInt2))
          .containsExactlyInAnyOrder(id(lbInt), id(lbInt2));
    }
  }

  @Nested
  class Owners {
    @Test
    void aGeneratedObjectReachesItsControllerOwnerOfTheGivenKindOnly() {
      DNSEndpoint routeEndpoint = endpoint("a", "web-external-dns-weu", "router.io/serviceroute: web", "ServiceRoute", "web");

      assertThat(new ControllerOwnerMapper<DNSEndpoint>("ServiceRoute").toPrimaryResourceIDs(routeEndpoint))
          .containsExactly(new ResourceID("web", "a"));
      assertThat(new ControllerOwnerMapper<DNSEndpoint>("Service").toPrimaryResourceIDs(routeEndpoint)).isEmpty();
    }
  }
}
