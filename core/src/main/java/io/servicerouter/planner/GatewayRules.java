package io.servicerouter.planner;

import static io.servicerouter.planner.Vocabulary.*;

import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.Condition;
import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewayStatus;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** SPEC §3.7: readiness (rows 1-4), hosts, status and Istio Gateway of one routing Gateway. */
final class GatewayRules {

  private GatewayRules() {}

  /** Rows 1-4, which do not depend on routes. */
  static GatewayReadiness readiness(Gateway gateway, Evaluation evaluation, Snapshot snapshot) {
    List<String> problems = Validity.gatewayProblems(gateway, snapshot);
    if (!problems.isEmpty()) {
      return notReady(gateway, false, FAILED, VALIDATION_FAILED, String.join("; ", problems));
    }
    String postfix = gateway.getSpec().getTargetPostfix();
    Optional<Gateway> owner = snapshot.gatewaysWithPostfix(postfix).stream()
        .filter(evaluation::gatewayValid)
        .min(snapshot.age());
    if (owner.isPresent() && !ObjectKey.same(owner.get(), gateway)
        && !owner.get().getSpec().getController().equals(gateway.getSpec().getController())) {
      return notReady(gateway, true, FAILED, TARGET_POSTFIX_CONFLICT, "targetPostfix \"" + postfix
          + "\" is already used by Gateway " + ObjectKey.of(owner.get()) + " with controller \""
          + owner.get().getSpec().getController() + "\"");
    }
    Optional<ClusterIdentitySpec> identity = evaluation.cluster().identity();
    if (identity.isEmpty()) {
      return notReady(gateway, true, PENDING, CLUSTER_IDENTITY_NOT_AVAILABLE, "Waiting for ClusterIdentity to be configured");
    }
    String targetHost = Routes.targetHost(postfix, identity.get());
    String lengthProblem = Routes.lengthProblem(targetHost);
    if (lengthProblem != null) {
      return notReady(gateway, true, FAILED, INVALID_TARGET_HOST, "target host \"" + targetHost + "\" is invalid: " + lengthProblem);
    }
    return new GatewayReadiness(gateway, true, null, null, targetHost);
  }

  private static GatewayReadiness notReady(Gateway gateway, boolean valid, String phase, String reason, String message) {
    return new GatewayReadiness(gateway, valid, phase, Conditions.fails(READY, reason, message), null);
  }

  /** The whole evaluation: status (Ready, DNSReady, attachedRoutes, loadBalancerIP) and Istio Gateway action. */
  static GatewayResult evaluate(Gateway gateway, Evaluation evaluation, Snapshot snapshot) {
    GatewayStatus status = new GatewayStatus();
    status.setObservedGeneration(Generation.of(gateway));
    Optional<Service> service = gateway.getSpec() == null || gateway.getSpec().getController() == null ? Optional.empty()
        : LoadBalancers.chosen(snapshot, gateway.getSpec().getController());
    status.setLoadBalancerIP(service.map(LoadBalancers::firstIp).orElse(null));
    GatewayReadiness readiness = evaluation.readiness(gateway);
    if (!readiness.usable()) {
      Condition ready = readiness.notReady();
      Condition dnsReady = CLUSTER_IDENTITY_NOT_AVAILABLE.equals(ready.getReason())
          ? Conditions.fails(DNS_READY, LOAD_BALANCER_IP_PENDING, "ClusterIdentity not available")
          : Conditions.fails(DNS_READY, ready.getReason(), ready.getMessage());
      return result(gateway, evaluation, status, readiness.phase(), ready, dnsReady, RecordAction.KEEP, null);
    }
    TreeSet<String> hosts = new TreeSet<>();
    int attached = 0;
    // Every route of the Gateway is visited once and only its hostname is read: its result is not kept, so a Gateway
    // of 10,000 routes does not hold their desired DNSEndpoints at once (a class histogram after a 10,000-route
    // convergence found 39,000 of them, for 100 in the cluster).
    for (ServiceRoute route : snapshot.routesOfGateway(gateway.getMetadata().getNamespace(), gateway.getMetadata().getName())) {
      RouteResult routeResult = evaluation.routeUnkept(route);
      if (routeResult.listed()) {
        hosts.add(routeResult.hostname());
        attached++;
      }
    }
    status.setAttachedRoutes(attached);
    Condition dnsReady = dnsReady(gateway, service, evaluation);
    if (evaluation.istioGatewayTaken(gateway)) {
      return result(gateway, evaluation, status, FAILED, Conditions.fails(READY, ISTIO_GATEWAY_CONFLICT, "Istio Gateway "
          + ObjectKey.of(gateway) + " already exists and is not managed by this Gateway"), dnsReady, RecordAction.KEEP, null);
    }
    if (hosts.isEmpty()) {
      return result(gateway, evaluation, status, PENDING, Conditions.fails(READY, NO_SERVICE_ROUTES,
          "Waiting for ServiceRoutes to reference this Gateway"), dnsReady, RecordAction.DELETE, null);
    }
    return result(gateway, evaluation, status, ACTIVE, Conditions.holds(READY, RECONCILIATION_SUCCEEDED, "Gateway is active"),
        dnsReady, RecordAction.CONVERGE, Generated.istioGateway(gateway, new ArrayList<>(hosts)));
  }

  /** DNSReady rows a-g for a Gateway in rows 5-7. */
  private static Condition dnsReady(Gateway gateway, Optional<Service> service, Evaluation evaluation) {
    if (service.isEmpty()) {
      return Conditions.fails(DNS_READY, LOAD_BALANCER_IP_PENDING, "LoadBalancer Service not found");
    }
    if (LoadBalancers.ingress(service.get()).isEmpty()) {
      return Conditions.fails(DNS_READY, LOAD_BALANCER_IP_PENDING, "LoadBalancer IP pending");
    }
    if (LoadBalancers.records(service.get(), "-").isEmpty()) {
      return Conditions.fails(DNS_READY, LOAD_BALANCER_IP_PENDING, "LoadBalancer IP empty");
    }
    if (evaluation.options().addressRecords() == AddressRecordsMode.OFF) {
      return Conditions.holds(DNS_READY, ADDRESS_RECORDS_DISABLED, "Address records are not managed by the operator");
    }
    if (evaluation.cluster().controllers().isEmpty()) {
      return Conditions.fails(DNS_READY, DNS_CONFIGURATION_NOT_AVAILABLE, "Waiting for DNSConfiguration to be configured");
    }
    AddressPair pair = new AddressPair(gateway.getSpec().getController(), gateway.getSpec().getTargetPostfix());
    AddressPlan plan = evaluation.addressRecords();
    int expected = plan.expected().getOrDefault(pair, 0);
    int pending = plan.pending().getOrDefault(pair, 0);
    if (pending > 0) {
      return Conditions.fails(DNS_READY, DNS_ENDPOINTS_PENDING, "Waiting for " + pending + " of " + expected + " DNSEndpoints");
    }
    return Conditions.holds(DNS_READY, DNS_ENDPOINTS_CREATED, "DNSEndpoints provisioned for " + expected + " controllers");
  }

  private static GatewayResult result(Gateway gateway, Evaluation evaluation, GatewayStatus status, String phase,
      Condition ready, Condition dnsReady, RecordAction action, io.fabric8.istio.api.networking.v1.Gateway desired) {
    status.setPhase(phase);
    status.setConditions(new ArrayList<>(List.of(ready, dnsReady)));
    return new GatewayResult(gateway, status, action, desired,
        action == RecordAction.KEEP ? Optional.empty() : evaluation.ownedIstioGateway(gateway));
  }
}
