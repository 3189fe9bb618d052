package io.servicerouter.planner;

import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of one evaluation (SPEC §3.1), as lookups so that the operator can answer them from informer
 * indexes and the renderer from in-memory maps. Objects being deleted are never returned. Nothing here may
 * expose an object's stored status except a Service's {@code status.loadBalancer}.
 */
public interface Snapshot {

  /** Every ClusterIdentity. */
  Collection<ClusterIdentity> clusterIdentities();

  /** Every DNSConfiguration. */
  Collection<DNSConfiguration> dnsConfigurations();

  /** Every DNSPolicy (for the address record scope and for rendering). */
  Collection<DNSPolicy> policies();

  /** The DNSPolicies of one namespace. */
  Collection<DNSPolicy> policiesIn(String namespace);

  /** Every routing Gateway. */
  Collection<io.servicerouter.model.routing.Gateway> gateways();

  /** The routing Gateway with this namespace and name. */
  Optional<io.servicerouter.model.routing.Gateway> gateway(String namespace, String name);

  /** Routing Gateways whose spec.targetPostfix is the given one (postfix ownership). */
  Collection<io.servicerouter.model.routing.Gateway> gatewaysWithPostfix(String targetPostfix);

  /** Every ServiceRoute. */
  Collection<ServiceRoute> routes();

  /** The ServiceRoute with this namespace and name. */
  Optional<ServiceRoute> route(String namespace, String name);

  /** The ServiceRoutes of one namespace. */
  Collection<ServiceRoute> routesIn(String namespace);

  /** ServiceRoutes whose effective gateway (SPEC §3.8) is the given namespace and name. */
  Collection<ServiceRoute> routesOfGateway(String gatewayNamespace, String gatewayName);

  /**
   * ServiceRoutes with these hostname parts: within one cluster they are exactly the routes that share a
   * hostname, since the environment letter and domain are the same for all.
   */
  Collection<ServiceRoute> routesWithHostnameParts(String serviceName, String environment, String application);

  /** Services of type LoadBalancer labelled {@code istio=<istioController>}. */
  Collection<Service> loadBalancerServices(String istioController);

  /** The Namespace with this name, if visible. */
  Optional<Namespace> namespace(String name);

  /**
   * Existing generated objects, for the ownership checks of SPEC §3.10 and Gateway DNSReady row f; empty
   * in the renderer, which never sees a cluster.
   */
  Optional<ExistingObjects> existing();

  /** The "older" order of SPEC §0 (§6.1 in the renderer). */
  Age age();

  /** Problems of SPEC §2.6 (schema and CEL rules) of an input object of the five kinds; empty if valid. */
  List<String> schemaProblems(HasMetadata object);

  /** Generated objects that exist in the cluster, as seen by the operator's caches. */
  interface ExistingObjects {

    /** The DNSEndpoint with this namespace and name. */
    Optional<DNSEndpoint> dnsEndpoint(String namespace, String name);

    /** The DNSEndpoints the route owns: labelled with its name and controlled by its uid (SPEC §3.10). */
    List<DNSEndpoint> routeEndpoints(ServiceRoute route);

    /**
     * The DNSEndpoints of a namespace whose names are group names of SPEC §4.6 ({@code {c}.routes},
     * {@code {c}.routes.{n}}), owned or not.
     */
    List<DNSEndpoint> routeGroups(String namespace);

    /** The Istio Gateway with this namespace and name. */
    Optional<Gateway> istioGateway(String namespace, String name);
  }
}
