package io.servicerouter.planner;

import static io.servicerouter.planner.Vocabulary.*;

import io.servicerouter.model.Condition;
import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SPEC §3.8: the status, record action and DNSEndpoints of one ServiceRoute. */
final class RouteRules {

  private static final Set<String> GATEWAY_NOT_READY_REASONS =
      Set.of(VALIDATION_FAILED, TARGET_POSTFIX_CONFLICT, INVALID_TARGET_HOST);

  private final Evaluation evaluation;
  private final Snapshot snapshot;

  RouteRules(Evaluation evaluation, Snapshot snapshot) {
    this.evaluation = evaluation;
    this.snapshot = snapshot;
  }

  RouteResult evaluate(ServiceRoute route) {
    ServiceRouteStatus status = new ServiceRouteStatus();
    status.setObservedGeneration(Generation.of(route));
    List<String> problems = evaluation.routeProblems(route);
    if (!problems.isEmpty()) {
      return keep(route, status, FAILED, VALIDATION_FAILED, String.join("; ", problems), null);
    }
    Optional<ClusterIdentitySpec> identity = evaluation.cluster().identity();
    if (identity.isEmpty()) {
      return keep(route, status, PENDING, CLUSTER_IDENTITY_NOT_AVAILABLE, "Waiting for ClusterIdentity to be configured", null);
    }
    String hostname = Routes.hostname(route.getSpec(), identity.get());
    status.setHostname(hostname);
    String lengthProblem = Routes.lengthProblem(hostname);
    if (lengthProblem != null) {
      return keep(route, status, FAILED, INVALID_HOSTNAME, "hostname \"" + hostname + "\" is invalid: " + lengthProblem, hostname);
    }
    ObjectKey gatewayKey = Routes.effectiveGateway(route, evaluation.options());
    Optional<Gateway> gateway = snapshot.gateway(gatewayKey.namespace(), gatewayKey.name());
    if (evaluation.rejectedByGateway(route, gateway)) {
      return delete(route, status, FAILED, NOT_ALLOWED_BY_GATEWAY, "Gateway " + gatewayKey
          + " does not allow routes from namespace " + route.getMetadata().getNamespace(), hostname, false);
    }
    ServiceRoute owner = evaluation.hostnameOwner(route);
    if (!ObjectKey.same(owner, route)) {
      return delete(route, status, FAILED, HOSTNAME_CONFLICT, "hostname \"" + hostname
          + "\" is already used by ServiceRoute " + ObjectKey.of(owner), hostname, false);
    }
    if (gateway.isEmpty()) {
      return keep(route, status, PENDING, GATEWAY_NOT_FOUND,
          "Gateway " + gatewayKey.name() + " not found in namespace " + gatewayKey.namespace(), hostname);
    }
    GatewayReadiness readiness = evaluation.readiness(gateway.get());
    if (!readiness.usable() && GATEWAY_NOT_READY_REASONS.contains(readiness.notReady().getReason())) {
      return keep(route, status, PENDING, GATEWAY_NOT_READY,
          "Gateway " + gatewayKey + " is not ready: " + readiness.notReady().getMessage(), hostname);
    }
    status.setTargetHost(readiness.targetHost());
    return publish(route, status, hostname, readiness.targetHost());
  }

  /** Rows 8-14: the route is on its Istio Gateway; the namespace's policy decides its records. */
  private RouteResult publish(ServiceRoute route, ServiceRouteStatus status, String hostname, String targetHost) {
    Optional<PolicyResult> policy = evaluation.namespacePolicy(route.getMetadata().getNamespace());
    if (policy.isEmpty()) {
      return delete(route, status, PENDING, DNS_POLICY_NOT_FOUND, "Waiting for DNSPolicy to be configured in namespace",
          hostname, true);
    }
    if (VALIDATION_FAILED.equals(policy.get().reason())) {
      return result(route, status, PENDING, DNS_POLICY_INVALID, "DNSPolicy " + policy.get().policy().getMetadata().getName()
          + " is invalid: " + policy.get().message(), RecordAction.KEEP, List.of(), hostname, true);
    }
    if (INACTIVE.equals(policy.get().status().getPhase())) {
      return delete(route, status, PENDING, DNS_POLICY_INACTIVE, "DNSPolicy is not active for this cluster "
          + "(sourceRegion/sourceCluster mismatch). DNSEndpoints have been removed to prevent conflicts.", hostname, true);
    }
    Optional<List<ExternalDNSController>> controllers = evaluation.cluster().controllers();
    if (controllers.isEmpty()) {
      return result(route, status, PENDING, DNS_CONFIGURATION_NOT_AVAILABLE, "Waiting for DNSConfiguration to be configured",
          RecordAction.KEEP, List.of(), hostname, true);
    }
    List<String> active = policy.get().activeControllers();
    if (active.isEmpty()) {
      return delete(route, status, FAILED, DNS_ENDPOINT_GENERATION_FAILED, "no active controllers in DNSPolicy", hostname, true);
    }
    Long ttl = policy.get().policy().getSpec() == null ? null : policy.get().policy().getSpec().getRecordTTL();
    List<DNSEndpoint> desired = new ArrayList<>();
    for (String name : active) {
      ExternalDNSController controller = controllers.get().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
      desired.add(Generated.routeEndpoint(route, controller, hostname, targetHost, ttl));
    }
    Optional<String> conflict = conflict(route, desired, active);
    if (conflict.isPresent()) {
      return result(route, status, FAILED, DNS_ENDPOINT_CONFLICT, conflict.get(), RecordAction.KEEP, List.of(), hostname,
          true);
    }
    if (evaluation.options().grouped()) {
      return result(route, status, ACTIVE, RECONCILIATION_SUCCEEDED, "ServiceRoute is active", RecordAction.CONVERGE,
          desired, hostname, true);
    }
    List<String> names = desired.stream().map(e -> e.getMetadata().getName()).toList();
    status.setDnsEndpoints(names);
    status.setDnsEndpoint(names.get(0));
    return result(route, status, ACTIVE, RECONCILIATION_SUCCEEDED, "ServiceRoute is active", RecordAction.CONVERGE,
        desired, hostname, true);
  }

  /**
   * Row 13: the message about the first desired name an object the route may not write holds — its own
   * DNSEndpoint's name in the route layout (SPEC §3.10), its namespace's group name in the namespace layout (§4.6).
   */
  private Optional<String> conflict(ServiceRoute route, List<DNSEndpoint> desired, List<String> active) {
    if (evaluation.options().grouped()) {
      return evaluation.routeGroupTaken(route.getMetadata().getNamespace(), active).map(taken -> "DNSEndpoint "
          + ObjectKey.of(taken) + " already exists and is not managed by the operator");
    }
    return desired.stream()
        .filter(endpoint -> evaluation.routeEndpointNameTaken(route, endpoint.getMetadata().getName(), active))
        .findFirst()
        .map(endpoint -> "DNSEndpoint " + ObjectKey.of(endpoint) + " already exists and is not managed by this ServiceRoute");
  }

  private RouteResult keep(ServiceRoute route, ServiceRouteStatus status, String phase, String reason,
      String message, String hostname) {
    return result(route, status, phase, reason, message, RecordAction.KEEP, List.of(), hostname, false);
  }

  private RouteResult delete(ServiceRoute route, ServiceRouteStatus status, String phase, String reason,
      String message, String hostname, boolean listed) {
    return result(route, status, phase, reason, message, RecordAction.DELETE, List.of(), hostname, listed);
  }

  private RouteResult result(ServiceRoute route, ServiceRouteStatus status, String phase, String reason,
      String message, RecordAction action, List<DNSEndpoint> desired, String hostname, boolean listed) {
    status.setPhase(phase);
    Condition ready = ACTIVE.equals(phase) ? Conditions.holds(READY, reason, message) : Conditions.fails(READY, reason, message);
    status.setConditions(new ArrayList<>(List.of(ready)));
    return new RouteResult(route, status, action, desired, hostname, listed, action == RecordAction.KEEP ? List.of()
        : snapshot.existing().map(existing -> existing.routeEndpoints(route)).orElse(List.of()));
  }
}
