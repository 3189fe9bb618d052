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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Snapshot} over one {@link IndexedStore} per input kind: every lookup is an index lookup with the
 * keys of {@link SnapshotIndexes}. {@code render} builds it over lists in memory ({@link #builder}); the
 * operator over its informer caches, which carry the same indexes.
 */
public class IndexedSnapshot implements Snapshot {

  /**
   * The stores of the seven input kinds.
   *
   * @param clusterIdentities ClusterIdentities
   * @param dnsConfigurations DNSConfigurations
   * @param policies DNSPolicies, indexed by namespace
   * @param gateways routing Gateways, indexed as {@link SnapshotIndexes#gateways()}
   * @param routes ServiceRoutes, indexed as {@link SnapshotIndexes#routes(Options)}
   * @param services Services, indexed as {@link SnapshotIndexes#services()}
   * @param namespaces Namespaces
   */
  public record Stores(IndexedStore<ClusterIdentity> clusterIdentities, IndexedStore<DNSConfiguration> dnsConfigurations,
      IndexedStore<DNSPolicy> policies, IndexedStore<Gateway> gateways, IndexedStore<ServiceRoute> routes,
      IndexedStore<Service> services, IndexedStore<Namespace> namespaces) {}

  private final Stores stores;
  private final Age age;
  private final SpecProblems specProblems;

  /**
   * A snapshot over the stores.
   *
   * @param stores the input objects with their indexes
   * @param age the "older" order
   * @param specProblems how schema problems are found
   */
  protected IndexedSnapshot(Stores stores, Age age, SpecProblems specProblems) {
    this.stores = stores;
    this.age = age;
    this.specProblems = specProblems;
  }

  /** Starts a snapshot for the given options (the default gateway namespace shapes the gateway index). */
  public static Builder builder(Options options) {
    return new Builder(options);
  }

  @Override
  public Collection<ClusterIdentity> clusterIdentities() {
    return stores.clusterIdentities().list();
  }

  @Override
  public Collection<DNSConfiguration> dnsConfigurations() {
    return stores.dnsConfigurations().list();
  }

  @Override
  public Collection<DNSPolicy> policies() {
    return stores.policies().list();
  }

  @Override
  public Collection<DNSPolicy> policiesIn(String namespace) {
    return stores.policies().byIndex(SnapshotIndexes.BY_NAMESPACE, namespace);
  }

  @Override
  public Collection<Gateway> gateways() {
    return stores.gateways().list();
  }

  @Override
  public Optional<Gateway> gateway(String namespace, String name) {
    return stores.gateways().get(namespace, name);
  }

  @Override
  public Collection<Gateway> gatewaysWithPostfix(String targetPostfix) {
    return stores.gateways().byIndex(SnapshotIndexes.GATEWAYS_BY_POSTFIX, targetPostfix);
  }

  @Override
  public Collection<ServiceRoute> routes() {
    return stores.routes().list();
  }

  @Override
  public Optional<ServiceRoute> route(String namespace, String name) {
    return stores.routes().get(namespace, name);
  }

  @Override
  public Collection<ServiceRoute> routesIn(String namespace) {
    return stores.routes().byIndex(SnapshotIndexes.BY_NAMESPACE, namespace);
  }

  @Override
  public Collection<ServiceRoute> routesOfGateway(String gatewayNamespace, String gatewayName) {
    return stores.routes().byIndex(SnapshotIndexes.ROUTES_BY_GATEWAY,
        SnapshotIndexes.key(new ObjectKey(gatewayNamespace, gatewayName)));
  }

  @Override
  public Collection<ServiceRoute> routesWithHostnameParts(String serviceName, String environment, String application) {
    return stores.routes().byIndex(SnapshotIndexes.ROUTES_BY_HOSTNAME_PARTS,
        SnapshotIndexes.hostnamePartsKey(List.of(serviceName, environment, application)));
  }

  @Override
  public Collection<Service> loadBalancerServices(String istioController) {
    return stores.services().byIndex(SnapshotIndexes.SERVICES_BY_ISTIO, istioController);
  }

  @Override
  public Optional<Namespace> namespace(String name) {
    return stores.namespaces().get(null, name);
  }

  /** None: an offline snapshot knows no generated objects. */
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

    /** Builds the indexed snapshot, with the indexes of {@link SnapshotIndexes} in memory. */
    public IndexedSnapshot build() {
      return new IndexedSnapshot(new Stores(
          new InMemoryStore<>(clusterIdentities, Map.of()),
          new InMemoryStore<>(dnsConfigurations, Map.of()),
          new InMemoryStore<>(policies, SnapshotIndexes.namespaced()),
          new InMemoryStore<>(gateways, SnapshotIndexes.gateways()),
          new InMemoryStore<>(routes, SnapshotIndexes.routes(options)),
          new InMemoryStore<>(services, SnapshotIndexes.services()),
          new InMemoryStore<>(namespaces, Map.of())), age, specProblems);
    }
  }
}
