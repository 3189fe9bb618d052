package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.DNSConfigurationStatus;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.DNSPolicyStatus;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of SPEC §3 over a {@link Snapshot}: the entry point of the pure planner. Each object is
 * evaluated on demand and at most once (results are memoized), so evaluating one route touches only the
 * objects it depends on, and evaluating everything costs time linear in the number of objects. Results
 * are keyed by namespace and name, not by instance, so a caller may pass its own copy of an object (e.g. a
 * reconciler's primary). Create a new Evaluation for every new snapshot.
 */
public final class Evaluation {

  private final Snapshot snapshot;
  private final Options options;
  private ClusterRules clusterRules;
  private AddressPlan addressPlan;
  private final RouteRules routeRules;
  private final Map<ObjectKey, PolicyResult> policies = new HashMap<>();
  private final Map<String, Optional<PolicyResult>> namespacePolicies = new HashMap<>();
  private final Map<ObjectKey, Boolean> gatewayValidity = new HashMap<>();
  private final Map<ObjectKey, GatewayReadiness> readiness = new HashMap<>();
  private final Map<ObjectKey, GatewayResult> gateways = new HashMap<>();
  private final Map<ObjectKey, RouteResult> routes = new HashMap<>();
  private final Map<ObjectKey, Boolean> eligibility = new HashMap<>();
  private final Map<ObjectKey, List<String>> routeProblems = new HashMap<>();
  private final Map<List<String>, ServiceRoute> hostnameOwners = new HashMap<>();
  private final Map<String, RouteGroupPlan> routeGroups = new HashMap<>();

  /** Starts an evaluation of the snapshot under the options. */
  public Evaluation(Snapshot snapshot, Options options) {
    this.snapshot = snapshot;
    this.options = options;
    this.routeRules = new RouteRules(this, snapshot);
  }

  /** The options this evaluation uses. */
  public Options options() {
    return options;
  }

  /** The identity, controllers and served regions (SPEC §3.2-§3.4). */
  public ClusterContext cluster() {
    return clusterRules().context;
  }

  /** The status of a ClusterIdentity of the snapshot. */
  public ClusterIdentityStatus status(ClusterIdentity identity) {
    return clusterRules().identityStatuses.get(ObjectKey.of(identity));
  }

  /** The status of a DNSConfiguration of the snapshot. */
  public DNSConfigurationStatus status(DNSConfiguration configuration) {
    return clusterRules().configurationStatuses.get(ObjectKey.of(configuration));
  }

  /** The evaluation of a DNSPolicy of the snapshot (SPEC §3.5). */
  public PolicyResult policy(DNSPolicy policy) {
    PolicyResult result = policies.get(ObjectKey.of(policy));
    if (result == null) {
      String namespace = policy.getMetadata().getNamespace();
      DNSPolicy authoritative = Singletons.oldest(snapshot.policiesIn(namespace), snapshot.age()).orElse(policy);
      result = PolicyRules.evaluate(policy, authoritative, snapshot.schemaProblems(policy), cluster());
      policies.put(ObjectKey.of(policy), result);
    }
    return result;
  }

  /**
   * The status of a DNSPolicy: {@link #policy}'s, and for the authoritative policy of a namespace in the
   * namespace layout also its grouped DNSEndpoints, their record counts and any group name a foreign object holds
   * (SPEC §4.6).
   */
  public DNSPolicyStatus policyStatus(DNSPolicy policy) {
    PolicyResult result = policy(policy);
    if (!options.grouped() || !authoritative(policy)) {
      return result.status();
    }
    return PolicyRules.withGroups(result.status(), routeGroups(policy.getMetadata().getNamespace()));
  }

  /** Whether the DNSPolicy is its namespace's authoritative one (the oldest, SPEC §3.5). */
  public boolean authoritative(DNSPolicy policy) {
    return namespacePolicy(policy.getMetadata().getNamespace())
        .filter(result -> ObjectKey.same(result.policy(), policy)).isPresent();
  }

  /** The grouped route DNSEndpoints of a namespace (SPEC §4.6; in the route layout, the retiring of stored ones). */
  public RouteGroupPlan routeGroups(String namespace) {
    RouteGroupPlan plan = routeGroups.get(namespace);
    if (plan == null) {
      plan = RouteGroupRules.evaluate(namespace, this, snapshot);
      routeGroups.put(namespace, plan);
    }
    return plan;
  }

  /** The evaluation of the authoritative DNSPolicy of a namespace, if it has one. */
  public Optional<PolicyResult> namespacePolicy(String namespace) {
    return namespacePolicies.computeIfAbsent(namespace,
        n -> Singletons.oldest(snapshot.policiesIn(n), snapshot.age()).map(this::policy));
  }

  /** Rows 1-4 of SPEC §3.7 for a Gateway. */
  public GatewayReadiness readiness(Gateway gateway) {
    GatewayReadiness result = readiness.get(ObjectKey.of(gateway));
    if (result == null) {
      result = GatewayRules.readiness(gateway, this, snapshot);
      readiness.put(ObjectKey.of(gateway), result);
    }
    return result;
  }

  /** Whether a Gateway passes SPEC §2.6 (its schema and status rules). */
  public boolean gatewayValid(Gateway gateway) {
    return gatewayValidity.computeIfAbsent(ObjectKey.of(gateway), k -> Validity.gatewayProblems(gateway, snapshot).isEmpty());
  }

  /** The whole evaluation of a Gateway (SPEC §3.7). */
  public GatewayResult gateway(Gateway gateway) {
    GatewayResult result = gateways.get(ObjectKey.of(gateway));
    if (result == null) {
      result = GatewayRules.evaluate(gateway, this, snapshot);
      gateways.put(ObjectKey.of(gateway), result);
    }
    return result;
  }

  /** The evaluation of a ServiceRoute (SPEC §3.8). */
  public RouteResult route(ServiceRoute route) {
    RouteResult result = routes.get(ObjectKey.of(route));
    if (result == null) {
      result = routeRules.evaluate(route);
      routes.put(ObjectKey.of(route), result);
    }
    return result;
  }

  /**
   * {@link #route} for a caller that visits every route once: the result is not kept (a kept one is returned), so
   * a pass over all routes does not hold all their desired DNSEndpoints.
   */
  RouteResult routeUnkept(ServiceRoute route) {
    RouteResult kept = routes.get(ObjectKey.of(route));
    return kept != null ? kept : routeRules.evaluate(route);
  }

  /** How many route results this evaluation keeps (what {@link #routeUnkept} leaves out). */
  int keptRouteResults() {
    return routes.size();
  }

  /** The cluster's address records (SPEC §3.9). */
  public AddressPlan addressRecords() {
    if (addressPlan == null) {
      addressPlan = AddressRecordRules.evaluate(this, snapshot);
    }
    return addressPlan;
  }

  /** Row 4 of SPEC §3.8: the effective Gateway exists, is valid, and does not admit the route's namespace. */
  boolean rejectedByGateway(ServiceRoute route, Optional<Gateway> gateway) {
    return gateway.isPresent() && gatewayValid(gateway.get())
        && !Admission.admits(gateway.get(), route.getMetadata().getNamespace(),
            snapshot.namespace(route.getMetadata().getNamespace()));
  }

  /** The problems of a ServiceRoute (SPEC §2.6: schema and status rules), found once per evaluation. */
  List<String> routeProblems(ServiceRoute route) {
    return routeProblems.computeIfAbsent(ObjectKey.of(route), key -> Validity.routeProblems(route, snapshot));
  }

  /** Eligible (SPEC §3.8): passes rows 1-3 and is not rejected in row 4, so it takes part in hostname ownership. */
  boolean eligible(ServiceRoute route) {
    return eligibility.computeIfAbsent(ObjectKey.of(route), key -> {
      if (!routeProblems(route).isEmpty() || cluster().identity().isEmpty()
          || Routes.lengthProblem(Routes.hostname(route.getSpec(), cluster().identity().get())) != null) {
        return false;
      }
      ObjectKey gateway = Routes.effectiveGateway(route, options);
      return !rejectedByGateway(route, snapshot.gateway(gateway.namespace(), gateway.name()));
    });
  }

  /** The oldest eligible route with the route's hostname (the route itself if none is older). */
  ServiceRoute hostnameOwner(ServiceRoute route) {
    List<String> parts = Routes.hostnameParts(route);
    return hostnameOwners.computeIfAbsent(parts, p -> snapshot
        .routesWithHostnameParts(p.get(0), p.get(1), p.get(2)).stream()
        .filter(this::eligible)
        .min(snapshot.age())
        .orElse(route));
  }

  /**
   * Whether a desired route DNSEndpoint name is taken (SPEC §3.10): an existing object the route does not own
   * has it, or an older route of the namespace needs the same name through another controller.
   */
  boolean routeEndpointNameTaken(ServiceRoute route, String name, List<String> controllers) {
    String namespace = route.getMetadata().getNamespace();
    Optional<DNSEndpoint> existing = snapshot.existing().flatMap(e -> e.dnsEndpoint(namespace, name));
    if (existing.isPresent() && !Generated.isControlledBy(existing.get(), route)) {
      return true;
    }
    for (String controller : controllers) {
      String suffix = "-" + controller;
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        String otherName = name.substring(0, name.length() - suffix.length());
        Optional<ServiceRoute> other = snapshot.route(namespace, otherName);
        if (other.isPresent() && !ObjectKey.same(other.get(), route) && snapshot.age().compare(other.get(), route) < 0
            && route(other.get()).action() == RecordAction.CONVERGE) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The first foreign object (SPEC §4.6) holding a group name of one of the controllers in the route's namespace:
   * it makes the group names of that controller taken.
   */
  Optional<DNSEndpoint> routeGroupTaken(String namespace, List<String> controllers) {
    return snapshot.existing().stream()
        .flatMap(e -> e.routeGroups(namespace).stream())
        .filter(object -> !RouteGroups.isOwned(object)
            && controllers.contains(RouteGroups.controllerOf(object.getMetadata().getName()).orElseThrow()))
        .min(Comparator.comparing(object -> object.getMetadata().getName()));
  }

  /** Row 5 of SPEC §3.7: an Istio Gateway with the Gateway's name exists and is not owned by it. */
  boolean istioGatewayTaken(Gateway gateway) {
    return existingIstioGateway(gateway).filter(existing -> !Generated.isControlledBy(existing, gateway)).isPresent();
  }

  /** The Istio Gateway with the Gateway's name that the Gateway owns (SPEC §3.10), if it exists. */
  Optional<io.fabric8.istio.api.networking.v1.Gateway> ownedIstioGateway(Gateway gateway) {
    return existingIstioGateway(gateway).filter(existing -> Generated.isControlledBy(existing, gateway));
  }

  private Optional<io.fabric8.istio.api.networking.v1.Gateway> existingIstioGateway(Gateway gateway) {
    return snapshot.existing()
        .flatMap(e -> e.istioGateway(gateway.getMetadata().getNamespace(), gateway.getMetadata().getName()));
  }

  /** Whether an existing object that the operator does not own has a desired address DNSEndpoint's name. */
  boolean addressNameTaken(DNSEndpoint desired) {
    return snapshot.existing()
        .flatMap(e -> e.dnsEndpoint(desired.getMetadata().getNamespace(), desired.getMetadata().getName()))
        .filter(existing -> !isOwnedAddressEndpoint(existing))
        .isPresent();
  }

  /** Whether an existing owned address DNSEndpoint has the desired spec (DNSReady row f). */
  boolean existingAddressEndpointMatches(DNSEndpoint desired) {
    return snapshot.existing()
        .flatMap(e -> e.dnsEndpoint(desired.getMetadata().getNamespace(), desired.getMetadata().getName()))
        .filter(existing -> isOwnedAddressEndpoint(existing)
            && Objects.equals(existing.getSpec().getEndpoints(), desired.getSpec().getEndpoints()))
        .isPresent();
  }

  /** An address DNSEndpoint is owned through its labels (SPEC §3.10). */
  public static boolean isOwnedAddressEndpoint(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null && Labels.OPERATOR_NAME.equals(labels.get(Labels.MANAGED_BY))
        && Labels.RESOURCE_TYPE_GATEWAY_SERVICE.equals(labels.get(Labels.LABEL_RESOURCE_TYPE));
  }

  private ClusterRules clusterRules() {
    if (clusterRules == null) {
      clusterRules = new ClusterRules(snapshot);
    }
    return clusterRules;
  }
}
