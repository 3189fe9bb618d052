package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Snapshot} over in-memory lists with hash indexes for every lookup, so that a whole plan costs
 * time linear in the number of objects. Used by the renderer and by tests.
 */
public final class IndexedSnapshot implements Snapshot {

  private final List<ClusterIdentity> clusterIdentities;
  private final List<DNSConfiguration> dnsConfigurations;
  private final List<DNSPolicy> policies;
  private final List<Gateway> gateways;
  private final List<ServiceRoute> routes;
  private final Map<String, List<DNSPolicy>> policiesByNamespace = new HashMap<>();
  private final Map<ObjectKey, Gateway> gatewaysByKey = new HashMap<>();
  private final Map<String, List<Gateway>> gatewaysByPostfix = new HashMap<>();
  private final Map<ObjectKey, ServiceRoute> routesByKey = new HashMap<>();
  private final Map<ObjectKey, List<ServiceRoute>> routesByGateway = new HashMap<>();
  private final Map<List<String>, List<ServiceRoute>> routesByHostnameParts = new HashMap<>();
  private final Map<String, List<Service>> servicesByIstioLabel = new HashMap<>();
  private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
  private final Age age;
  private final SpecProblems specProblems;

  private IndexedSnapshot(Builder builder) {
    this.clusterIdentities = live(builder.clusterIdentities);
    this.dnsConfigurations = live(builder.dnsConfigurations);
    this.policies = live(builder.policies);
    this.gateways = live(builder.gateways);
    this.routes = live(builder.routes);
    this.age = builder.age;
    this.specProblems = builder.specProblems;
    for (DNSPolicy policy : policies) {
      policiesByNamespace.computeIfAbsent(policy.getMetadata().getNamespace(), n -> new ArrayList<>()).add(policy);
    }
    for (Gateway gateway : gateways) {
      gatewaysByKey.put(ObjectKey.of(gateway), gateway);
      if (gateway.getSpec() != null) {
        gatewaysByPostfix.computeIfAbsent(gateway.getSpec().getTargetPostfix(), p -> new ArrayList<>()).add(gateway);
      }
    }
    for (ServiceRoute route : routes) {
      routesByKey.put(ObjectKey.of(route), route);
      if (route.getSpec() != null) {
        routesByGateway.computeIfAbsent(Routes.effectiveGateway(route, builder.options), k -> new ArrayList<>()).add(route);
        routesByHostnameParts.computeIfAbsent(Routes.hostnameParts(route), k -> new ArrayList<>()).add(route);
      }
    }
    for (Service service : live(builder.services)) {
      Map<String, String> labels = service.getMetadata().getLabels();
      String istio = labels == null ? null : labels.get("istio");
      if (istio != null && service.getSpec() != null && "LoadBalancer".equals(service.getSpec().getType())) {
        servicesByIstioLabel.computeIfAbsent(istio, k -> new ArrayList<>()).add(service);
      }
    }
    for (Namespace namespace : live(builder.namespaces)) {
      namespaces.put(namespace.getMetadata().getName(), namespace);
    }
  }

  /** Starts a snapshot for the given options (the default gateway namespace shapes the gateway index). */
  public static Builder builder(Options options) {
    return new Builder(options);
  }

  private static <T extends HasMetadata> List<T> live(List<T> objects) {
    List<T> result = new ArrayList<>(objects.size());
    for (T object : objects) {
      if (object.getMetadata().getDeletionTimestamp() == null) {
        result.add(object);
      }
    }
    return result;
  }

  @Override
  public Collection<ClusterIdentity> clusterIdentities() {
    return clusterIdentities;
  }

  @Override
  public Collection<DNSConfiguration> dnsConfigurations() {
    return dnsConfigurations;
  }

  @Override
  public Collection<DNSPolicy> policies() {
    return policies;
  }

  @Override
  public Collection<DNSPolicy> policiesIn(String namespace) {
    return policiesByNamespace.getOrDefault(namespace, List.of());
  }

  @Override
  public Collection<Gateway> gateways() {
    return gateways;
  }

  @Override
  public Optional<Gateway> gateway(String namespace, String name) {
    return Optional.ofNullable(gatewaysByKey.get(new ObjectKey(namespace, name)));
  }

  @Override
  public Collection<Gateway> gatewaysWithPostfix(String targetPostfix) {
    return gatewaysByPostfix.getOrDefault(targetPostfix, List.of());
  }

  @Override
  public Collection<ServiceRoute> routes() {
    return routes;
  }

  @Override
  public Optional<ServiceRoute> route(String namespace, String name) {
    return Optional.ofNullable(routesByKey.get(new ObjectKey(namespace, name)));
  }

  @Override
  public Collection<ServiceRoute> routesOfGateway(String gatewayNamespace, String gatewayName) {
    return routesByGateway.getOrDefault(new ObjectKey(gatewayNamespace, gatewayName), List.of());
  }

  @Override
  public Collection<ServiceRoute> routesWithHostnameParts(String serviceName, String environment, String application) {
    return routesByHostnameParts.getOrDefault(List.of(serviceName, environment, application), List.of());
  }

  @Override
  public Collection<Service> loadBalancerServices(String istioController) {
    return servicesByIstioLabel.getOrDefault(istioController, List.of());
  }

  @Override
  public Optional<Namespace> namespace(String name) {
    return Optional.ofNullable(namespaces.get(name));
  }

  @Override
  public Optional<ExistingObjects> existing() {
    return Optional.empty();
  }

  @Override
  public Age age() {
    return age;
  }

  @Override
  public List<String> schemaProblems(HasMetadata object) {
    return specProblems.of(object);
  }

  /** Collects the input objects of a snapshot. */
  public static final class Builder {
    private final Options options;
    private final List<ClusterIdentity> clusterIdentities = new ArrayList<>();
    private final List<DNSConfiguration> dnsConfigurations = new ArrayList<>();
    private final List<DNSPolicy> policies = new ArrayList<>();
    private final List<Gateway> gateways = new ArrayList<>();
    private final List<ServiceRoute> routes = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Namespace> namespaces = new ArrayList<>();
    private Age age = Age.byCreation();
    private SpecProblems specProblems = SpecProblems.NONE;

    private Builder(Options options) {
      this.options = options;
    }

    /**
     * Adds an input object of a supported kind.
     *
     * @throws IllegalArgumentException for any other kind
     */
    public Builder add(HasMetadata object) {
      if (object instanceof ClusterIdentity) {
        clusterIdentities.add((ClusterIdentity) object);
      } else if (object instanceof DNSConfiguration) {
        dnsConfigurations.add((DNSConfiguration) object);
      } else if (object instanceof DNSPolicy) {
        policies.add((DNSPolicy) object);
      } else if (object instanceof Gateway) {
        gateways.add((Gateway) object);
      } else if (object instanceof ServiceRoute) {
        routes.add((ServiceRoute) object);
      } else if (object instanceof Service) {
        services.add((Service) object);
      } else if (object instanceof Namespace) {
        namespaces.add((Namespace) object);
      } else {
        throw new IllegalArgumentException("not an input kind: " + object.getKind());
      }
      return this;
    }

    /** Adds several input objects. */
    public Builder addAll(Collection<? extends HasMetadata> objects) {
      objects.forEach(this::add);
      return this;
    }

    /** Sets the "older" order (default: by creation timestamp). */
    public Builder age(Age age) {
      this.age = age;
      return this;
    }

    /** Sets how schema problems are found (default: none, for pre-validated inputs). */
    public Builder specProblems(SpecProblems specProblems) {
      this.specProblems = specProblems;
      return this;
    }

    /** Builds the indexed snapshot. */
    public IndexedSnapshot build() {
      return new IndexedSnapshot(this);
    }
  }
}
