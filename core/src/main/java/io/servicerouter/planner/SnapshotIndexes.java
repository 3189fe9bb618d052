package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.Labels;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one table of indexes behind the {@link Snapshot} lookups and the operator's "which primaries does this
 * object affect" questions: names and key functions. {@code render} builds them in memory
 * ({@link IndexedSnapshot#builder}); the operator registers the same functions on its informers.
 */
public final class SnapshotIndexes {

  /** Any namespaced object by its namespace. */
  public static final String BY_NAMESPACE = "sr.namespace";
  /** ServiceRoutes by their effective Gateway ({@code ns/name}). */
  public static final String ROUTES_BY_GATEWAY = "sr.routeGateway";
  /** ServiceRoutes by their hostname parts (see {@link #hostnamePartsKey}). */
  public static final String ROUTES_BY_HOSTNAME_PARTS = "sr.routeHostnameParts";
  /** Routing Gateways by spec.targetPostfix. */
  public static final String GATEWAYS_BY_POSTFIX = "sr.gatewayPostfix";
  /** Routing Gateways by spec.controller (the Istio controller, matched by a Service's istio label). */
  public static final String GATEWAYS_BY_CONTROLLER = "sr.gatewayController";
  /** LoadBalancer Services by their {@code istio} label. */
  public static final String SERVICES_BY_ISTIO = "sr.serviceIstio";
  /** DNSEndpoints by the route named in their labels ({@code ns/route}). */
  public static final String ENDPOINTS_BY_ROUTE = "sr.endpointRoute";
  /** DNSEndpoints with a group name of SPEC §4.6 by their namespace. */
  public static final String ROUTE_GROUPS_BY_NAMESPACE = "sr.routeGroupNamespace";
  /** Generated objects by the uid of their controller owner reference. */
  public static final String BY_CONTROLLER_UID = "sr.controllerUid";

  private SnapshotIndexes() {}

  /** The hostname-parts index key of a route's {@code serviceName}, {@code environment} and {@code application}. */
  public static String hostnamePartsKey(List<String> parts) {
    return String.join("\n", parts);
  }

  /** The key of an object in the {@code ns/name} indexes. */
  public static String key(ObjectKey key) {
    return key.toString();
  }

  /** Indexers of every namespaced kind. */
  public static <T extends HasMetadata> Map<String, Function<T, List<String>>> namespaced() {
    return Map.of(BY_NAMESPACE, object -> List.of(String.valueOf(object.getMetadata().getNamespace())));
  }

  /** Indexers of ServiceRoutes; the effective Gateway depends on the default gateway namespace. */
  public static Map<String, Function<ServiceRoute, List<String>>> routes(Options options) {
    return Map.of(
        BY_NAMESPACE, route -> List.of(route.getMetadata().getNamespace()),
        ROUTES_BY_GATEWAY, route -> route.getSpec() == null ? List.of()
            : List.of(key(Routes.effectiveGateway(route, options))),
        ROUTES_BY_HOSTNAME_PARTS, route -> route.getSpec() == null ? List.of()
            : List.of(hostnamePartsKey(Routes.hostnameParts(route))));
  }

  /** Indexers of routing Gateways. */
  public static Map<String, Function<Gateway, List<String>>> gateways() {
    return Map.of(
        BY_NAMESPACE, gateway -> List.of(gateway.getMetadata().getNamespace()),
        GATEWAYS_BY_POSTFIX, gateway -> gateway.getSpec() == null || gateway.getSpec().getTargetPostfix() == null
            ? List.of() : List.of(gateway.getSpec().getTargetPostfix()),
        GATEWAYS_BY_CONTROLLER, gateway -> gateway.getSpec() == null || gateway.getSpec().getController() == null
            ? List.of() : List.of(gateway.getSpec().getController()));
  }

  /** Indexers of Services: only LoadBalancer Services with an {@code istio} label are indexed. */
  public static Map<String, Function<Service, List<String>>> services() {
    return Map.of(SERVICES_BY_ISTIO, service -> {
      String istio = istioLabel(service);
      return istio == null ? List.of() : List.of(istio);
    });
  }

  /** The {@code istio} label of a LoadBalancer Service (SPEC §4.4), or null for any other Service. */
  public static String istioLabel(Service service) {
    Map<String, String> labels = service.getMetadata().getLabels();
    String istio = labels == null ? null : labels.get("istio");
    boolean loadBalancer = service.getSpec() != null && "LoadBalancer".equals(service.getSpec().getType());
    return loadBalancer ? istio : null;
  }

  /** Indexers of generated objects (DNSEndpoints and Istio Gateways). */
  public static <T extends HasMetadata> Map<String, Function<T, List<String>>> generated() {
    return Map.of(
        ENDPOINTS_BY_ROUTE, object -> {
          Map<String, String> labels = object.getMetadata().getLabels();
          String route = labels == null ? null : labels.get(Labels.LABEL_SERVICE_ROUTE);
          return route == null ? List.of() : List.of(key(new ObjectKey(object.getMetadata().getNamespace(), route)));
        },
        ROUTE_GROUPS_BY_NAMESPACE, object -> RouteGroups.hasGroupName(object)
            ? List.of(String.valueOf(object.getMetadata().getNamespace())) : List.of(),
        BY_CONTROLLER_UID, object -> object.getMetadata().getOwnerReferences().stream()
            .filter(reference -> Boolean.TRUE.equals(reference.getController()) && reference.getUid() != null)
            .map(reference -> reference.getUid())
            .toList());
  }
}
