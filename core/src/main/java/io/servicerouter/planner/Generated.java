package io.servicerouter.planner;

import static io.servicerouter.model.Labels.*;
import static io.servicerouter.planner.Vocabulary.*;

import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.DNSEndpointSpec;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the generated objects exactly as SPEC §4 lays them out (names, labels, owners, specs). */
public final class Generated {

  /** Port number of the Istio Gateway's HTTPS server. */
  private static final long HTTPS_PORT = 443L;
  /** TTL of address records. */
  static final long ADDRESS_RECORD_TTL = 300L;

  private Generated() {}

  /** Name of a route DNSEndpoint: {@code {serviceRoute.name}-{controller.name}}. */
  public static String routeEndpointName(String routeName, String controllerName) {
    return routeName + "-" + controllerName;
  }

  /** Name of an address DNSEndpoint: {@code gateway-controller-{istio controller}-{postfix}-{controller}}. */
  public static String addressEndpointName(String istioController, String targetPostfix, String controllerName) {
    return "gateway-controller-" + istioController + "-" + targetPostfix + "-" + controllerName;
  }

  /** The route DNSEndpoint of SPEC §4.2. */
  static DNSEndpoint routeEndpoint(ServiceRoute route, ExternalDNSController controller, String hostname,
      String targetHost, Long recordTTL) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(MANAGED_BY, OPERATOR_NAME);
    labels.put(LABEL_CONTROLLER, controller.getName());
    labels.put(LABEL_REGION, controller.getRegion());
    labels.put(LABEL_SERVICE_ROUTE, route.getMetadata().getName());
    labels.put(LABEL_SOURCE_NAMESPACE, route.getMetadata().getNamespace());
    return dnsEndpoint(metadata(routeEndpointName(route.getMetadata().getName(), controller.getName()),
            route.getMetadata().getNamespace(), labels, controller.getName(), ownerReference(route, true)),
        List.of(new Endpoint(hostname, "CNAME", List.of(targetHost), recordTTL)));
  }

  /**
   * A grouped route DNSEndpoint of SPEC §4.6: the records of a namespace's routes for one controller (or one shard
   * of them), owned by the namespace's authoritative DNSPolicy.
   *
   * @param name the group (or shard) name, see {@link RouteGroups#name}
   * @param records the records in endpoint order, each with the route it belongs to
   */
  static DNSEndpoint routeGroup(String name, DNSPolicy owner, ExternalDNSController controller,
      List<RouteRecord> records) {
    String namespace = owner.getMetadata().getNamespace();
    Map<String, String> labels = new TreeMap<>();
    labels.put(MANAGED_BY, OPERATOR_NAME);
    labels.put(LABEL_CONTROLLER, controller.getName());
    labels.put(LABEL_REGION, controller.getRegion());
    labels.put(LABEL_RESOURCE_TYPE, RESOURCE_TYPE_SERVICE_ROUTES);
    labels.put(LABEL_SOURCE_NAMESPACE, namespace);
    ObjectMeta metadata = metadata(name, namespace, labels, controller.getName(), ownerReference(owner, true));
    metadata.getAnnotations().put(ANNOTATION_ROUTES,
        String.join(",", records.stream().map(RouteRecord::route).toList()));
    return dnsEndpoint(metadata, records.stream().map(RouteRecord::endpoint).toList());
  }

  /** The address DNSEndpoint of SPEC §4.4. */
  static DNSEndpoint addressEndpoint(Service service, String istioController, String targetPostfix,
      ExternalDNSController controller, List<Endpoint> endpoints) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(MANAGED_BY, OPERATOR_NAME);
    labels.put(LABEL_CONTROLLER, controller.getName());
    labels.put(LABEL_ISTIO_CONTROLLER, istioController);
    labels.put(LABEL_REGION, controller.getRegion());
    labels.put(LABEL_RESOURCE_TYPE, RESOURCE_TYPE_GATEWAY_SERVICE);
    labels.put(LABEL_TARGET_POSTFIX, targetPostfix);
    return dnsEndpoint(metadata(addressEndpointName(istioController, targetPostfix, controller.getName()),
            service.getMetadata().getNamespace(), labels, controller.getName(), ownerReference(service, false)),
        endpoints);
  }

  /** The Istio Gateway of SPEC §4.3. */
  static io.fabric8.istio.api.networking.v1.Gateway istioGateway(Gateway gateway, List<String> hosts) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(MANAGED_BY, OPERATOR_NAME);
    labels.put(LABEL_GATEWAY, gateway.getMetadata().getName());
    return new GatewayBuilder()
        .withMetadata(new ObjectMetaBuilder()
            .withName(gateway.getMetadata().getName())
            .withNamespace(gateway.getMetadata().getNamespace())
            .withLabels(labels)
            .withOwnerReferences(ownerReference(gateway, true))
            .build())
        .withNewSpec()
        .addToSelector("istio", gateway.getSpec().getController())
        .addNewServer()
        .withNewPort().withNumber(HTTPS_PORT).withName("https").withProtocol("HTTPS").endPort()
        .withHosts(hosts)
        .withNewTls().withMode(ServerTLSSettingsTLSmode.SIMPLE).withCredentialName(gateway.getSpec().getCredentialName()).endTls()
        .endServer()
        .endSpec()
        .build();
  }

  private static ObjectMeta metadata(String name, String namespace, Map<String, String> labels, String controller,
      OwnerReference owner) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .withAnnotations(new TreeMap<>(Map.of(ANNOTATION_CONTROLLER, controller)))
        .withOwnerReferences(owner)
        .build();
  }

  private static DNSEndpoint dnsEndpoint(ObjectMeta metadata, List<Endpoint> endpoints) {
    DNSEndpoint endpoint = new DNSEndpoint();
    endpoint.setMetadata(metadata);
    endpoint.setSpec(new DNSEndpointSpec(endpoints));
    return endpoint;
  }

  /** The controller owner reference; the uid is absent in renders, where inputs have none. */
  private static OwnerReference ownerReference(HasMetadata owner, boolean blockOwnerDeletion) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(blockOwnerDeletion ? Boolean.TRUE : null)
        .build();
  }

  /** Whether {@code object} carries a controller owner reference to {@code owner} (by uid, SPEC §3.10). */
  public static boolean isControlledBy(HasMetadata object, HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    return uid != null && object.getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> Boolean.TRUE.equals(r.getController()) && uid.equals(r.getUid()));
  }
}
