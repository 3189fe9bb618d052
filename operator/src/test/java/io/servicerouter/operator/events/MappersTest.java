package io.servicerouter.operator.events;

import static io.servicerouter.operator.events.MapperFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.InMemoryCaches;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.planner.Options;
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
      assertThat(new AllPrimariesMapper<>(caches.routes()).primaries(identity()))
          .containsExactlyInAnyOrder(id(webA), id(apiA), id(webB));
    }

    @Test
    void everyLoadBalancerServiceWithAnIstioLabel() {
      assertThat(new AllLoadBalancersMapper<>(caches.services()).primaries(identity()))
          .containsExactlyInAnyOrder(id(lbInt), id(lbInt2), id(lbExt));
    }
  }

  @Nested
  class Namespaces {
    @Test
    void aPolicyChangeReachesTheRoutesOfItsNamespaceOnly() {
      assertThat(RoutesInNamespaceMapper.ofNamespacedObject(caches.routes()).primaries(policy("a", "default")))
          .containsExactlyInAnyOrder(id(webA), id(apiA));
    }

    @Test
    void aNamespaceChangeReachesItsRoutes() {
      assertThat(RoutesInNamespaceMapper.ofNamespace(caches.routes()).primaries(namespace("b")))
          .containsExactly(id(webB));
    }

    @Test
    void aPolicyChangeReachesThePoliciesOfItsNamespace() {
      DNSPolicy first = policy("a", "default");
      DNSPolicy second = policy("a", "second");
      DNSPolicy elsewhere = policy("b", "default");
      stores.put(first, second, elsewhere);

      assertThat(new PoliciesInNamespaceMapper(caches.policies()).primaries(second))
          .containsExactlyInAnyOrder(id(first), id(second));
    }

    @Test
    void aPolicyChangeReachesTheGatewaysOfItsNamespacesRoutes() {
      assertThat(GatewaysOfRoutesInNamespaceMapper.ofNamespacedObject(caches.routes(), Options.DEFAULTS)
          .primaries(policy("a", "default")))
          .containsExactlyInAnyOrder(id(internal), id(external));
      assertThat(GatewaysOfRoutesInNamespaceMapper.ofNamespace(caches.routes(), Options.DEFAULTS)
          .primaries(namespace("b")))
          .containsExactly(id(internal));
    }
  }

  @Nested
  class GatewaysAndRoutes {
    @Test
    void aGatewayChangeReachesTheRoutesAttachedToIt() {
      assertThat(new RoutesOfGatewayMapper(caches.routes()).primaries(internal))
          .containsExactlyInAnyOrder(id(webA), id(webB));
    }

    @Test
    void aGatewayChangeReachesTheGatewaysSharingItsPostfix() {
      assertThat(new GatewaysSharingPostfixMapper(caches.gateways()).primaries(internal))
          .containsExactlyInAnyOrder(id(internal), id(internal2));
    }

    @Test
    void aRouteChangeReachesItsEffectiveGatewayInTheDefaultNamespace() {
      assertThat(new GatewayOfRouteMapper(Options.DEFAULTS).primaries(apiA))
          .containsExactly(new ResourceID("external", "istio-system"));
    }

    @Test
    void aRouteChangeReachesTheRoutesSharingItsHostname() {
      assertThat(new RoutesSharingHostnameMapper(caches.routes()).primaries(webB))
          .containsExactlyInAnyOrder(id(webA), id(webB));
    }
  }

  @Nested
  class LoadBalancers {
    @Test
    void aServiceChangeReachesTheGatewaysOfItsIstioController() {
      assertThat(GatewaysOfIstioControllerMapper.ofService(caches.gateways()).primaries(lbInt))
          .containsExactly(id(internal));
      assertThat(GatewaysOfIstioControllerMapper.ofService(caches.gateways()).primaries(clusterIp)).isEmpty();
    }

    @Test
    void anAddressEndpointChangeReachesTheGatewaysOfItsIstioController() {
      DNSEndpoint address = endpoint("istio-system", "gateway-controller-ingress-ext-ext-dns",
          "router.io/istio-controller: ingress-ext", "Service", "lb-ext");

      assertThat(GatewaysOfIstioControllerMapper.<DNSEndpoint>ofAddressEndpoint(caches.gateways()).primaries(address))
          .containsExactly(id(external));
    }

    @Test
    void aGatewayChangeReachesTheLoadBalancersOfItsController() {
      assertThat(LoadBalancersOfIstioControllerMapper.ofGateway(caches.services()).primaries(internal))
          .containsExactlyInAnyOrder(id(lbInt), id(lbInt2));
    }

    @Test
    void aServiceChangeReachesItsSiblingLoadBalancers() {
      assertThat(LoadBalancersOfIstioControllerMapper.ofService(caches.services()).primaries(lbInt2))
          .containsExactlyInAnyOrder(id(lbInt), id(lbInt2));
    }
  }

  @Nested
  class Owners {
    @Test
    void aGeneratedObjectReachesItsControllerOwnerOfTheGivenKindOnly() {
      DNSEndpoint routeEndpoint = endpoint("a", "web-external-dns-weu", "router.io/serviceroute: web", "ServiceRoute", "web");

      assertThat(new ControllerOwnerMapper<DNSEndpoint>("ServiceRoute").primaries(routeEndpoint))
          .containsExactly(new ResourceID("web", "a"));
      assertThat(new ControllerOwnerMapper<DNSEndpoint>("Service").primaries(routeEndpoint)).isEmpty();
    }
  }
}
