package io.servicerouter.operator.events;

import static io.servicerouter.operator.cache.Fixtures.object;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;

/** Input objects for the mapper tests. */
final class MapperFixtures {

  private MapperFixtures() {}

  static ResourceID id(HasMetadata object) {
    return ResourceID.fromResource(object);
  }

  static ServiceRoute route(String namespace, String name, String service, String gateway) {
    return object(ServiceRoute.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        metadata: {name: %s, namespace: %s}
        spec: {serviceName: %s, gatewayName: %s, environment: prod, application: shop}
        """.formatted(name, namespace, service, gateway));
  }

  static Gateway gateway(String name, String controller, String postfix) {
    return object(Gateway.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: Gateway
        metadata: {name: %s, namespace: istio-system}
        spec: {controller: %s, credentialName: cert, targetPostfix: %s}
        """.formatted(name, controller, postfix));
  }

  static DNSPolicy policy(String namespace, String name) {
    return object(DNSPolicy.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: %s, namespace: %s}
        spec: {mode: Active}
        """.formatted(name, namespace));
  }

  static Namespace namespace(String name) {
    return object(Namespace.class, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %s}
        """.formatted(name));
  }

  static Service service(String name, String type, String istio) {
    return object(Service.class, """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: istio-system, labels: {istio: %s}}
        spec: {type: %s}
        """.formatted(name, istio, type));
  }

  static ClusterIdentity identity() {
    return object(ClusterIdentity.class, """
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: weu, cluster: aks01, domain: example.com, environmentLetter: p}
        """);
  }

  static DNSEndpoint endpoint(String namespace, String name, String labels, String ownerKind, String ownerName) {
    return object(DNSEndpoint.class, """
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata:
          name: %s
          namespace: %s
          labels: {%s}
          ownerReferences: [{apiVersion: v1, kind: %s, name: %s, uid: u1, controller: true}]
        spec: {endpoints: []}
        """.formatted(name, namespace, labels, ownerKind, ownerName));
  }
}
