package io.servicerouter.operator.lifecycle;

import static io.servicerouter.operator.lifecycle.LifecycleCluster.WEU_TARGET;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.eventually;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.hostname;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.readyMessage;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.Condition;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewaySpec;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.lifecycle.LifecycleCluster.App;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.ControlPlaneExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §5 rows for ServiceRoutes, Gateways, Istio Gateways and LoadBalancer Services, against the baseline
 * WEU cluster of {@link LifecycleCluster}: hostname conflicts, admission by allowedRoutes and Namespace
 * labels, Istio host aggregation, a foreign Istio Gateway, address records following the LoadBalancer
 * address, and a deleted Gateway. Each test uses namespaces (and hostnames) of its own.
 */
@ExtendWith({ControlPlaneExtension.class, LifecycleClusterExtension.class})
class RoutesAndGatewaysLifecycleIT {

  private final LifecycleCluster cluster;

  RoutesAndGatewaysLifecycleIT(LifecycleCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Two routes {@code web} for one hostname behind {@code gateways/default-gateway}, in the namespaces
   * {@code older} and {@code newer}, the older one created first.
   */
  private record Conflict(String gateways, String older, String newer, String host) {}

  @Test
  void hostnameConflictIsWonByTheOlderRouteAndResolvedWhenItIsDeleted() throws InterruptedException {
    Conflict conflict = conflictingRoutes();
    awaitWonByTheOlder(conflict);
    cluster.assertWrittenAsPlanned(conflict.gateways(), conflict.older(), conflict.newer());

    cluster.delete(ServiceRoute.class, conflict.older(), "web");
    eventually(() -> {
      assertThat(state(cluster.route(conflict.newer(), "web").getStatus())).isEqualTo("Active/ReconciliationSucceeded");
      assertThat(cluster.singleEndpoint(conflict.newer(), "web-external-dns-weu").getDnsName())
          .isEqualTo(conflict.host());
      assertThat(cluster.endpointNames(conflict.older())).isEmpty();
      assertThat(cluster.istioHosts(conflict.gateways(), "default-gateway")).containsExactly(conflict.host());
    });
  }

  @Test
  void allowedRoutesAndNamespaceLabelsDeleteRecordsOfRejectedRoutesAndCreateThoseOfAdmittedOnes() {
    App app = cluster.activeApp();

    setAllowedRoutes(app, "{namespaces: {from: Selector, selector: {matchLabels: {ingress: internal}}}}");
    awaitRejected(app);

    cluster.edit(Namespace.class, null, app.namespace(),
        namespace -> namespace.getMetadata().getLabels().put("ingress", "internal"));
    awaitAdmitted(app);

    setAllowedRoutes(app, "{namespaces: {from: Same}}");
    awaitRejected(app);

    setAllowedRoutes(app, "{namespaces: {from: All}}");
    awaitAdmitted(app);
  }

  @Test
  void istioGatewayListsTheSortedHostsOfItsRoutesAndIsDeletedWithTheLastOne() {
    App app = cluster.app("{mode: Active}");
    cluster.createRoute(app.namespace(), "api", app.namespace(), app.gatewayNamespace());
    String api = hostname("api", app.namespace());

    eventually(() -> {
      io.fabric8.istio.api.networking.v1.Gateway istio =
          cluster.istioGateway(app.gatewayNamespace(), "default-gateway");
      assertThat(istio).isNotNull();
      assertThat(istio.getSpec().getSelector()).containsExactlyEntriesOf(
          Map.of("istio", LifecycleCluster.ISTIO_CONTROLLER));
      assertThat(istio.getSpec().getServers()).singleElement().satisfies(server -> {
        assertThat(server.getHosts()).containsExactly(api, app.hostname());
        assertThat(server.getTls().getCredentialName()).isEqualTo("cert-aks-ingress");
      });
      Gateway gateway = cluster.gateway(app.gatewayNamespace(), "default-gateway");
      assertThat(istio.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(gateway.getMetadata().getUid()));
      assertThat(gateway.getStatus().getAttachedRoutes()).isEqualTo(2);
    });

    cluster.delete(ServiceRoute.class, app.namespace(), "api");
    eventually(() -> assertThat(cluster.istioHosts(app.gatewayNamespace(), "default-gateway"))
        .containsExactly(app.hostname()));

    cluster.delete(ServiceRoute.class, app.namespace(), "web");
    eventually(() -> {
      assertThat(cluster.istioGateway(app.gatewayNamespace(), "default-gateway")).isNull();
      assertThat(state(cluster.gateway(app.gatewayNamespace(), "default-gateway").getStatus()))
          .isEqualTo("Pending/" + Vocabulary.NO_SERVICE_ROUTES);
      assertThat(cluster.endpointNames(app.namespace())).isEmpty();
    });
  }

  @Test
  void foreignIstioGatewayWithTheSameNameIsNeverModifiedOrDeleted() {
    String gateways = cluster.namespace("gw");
    io.fabric8.istio.api.networking.v1.Gateway foreign = cluster.create("foreign-istio-gateway.yaml",
        io.fabric8.istio.api.networking.v1.Gateway.class, gateways);
    cluster.createGateway(gateways);
    String namespace = cluster.namespace("app");
    cluster.createPolicy(namespace, "default", "{mode: Active}");
    cluster.createRoute(namespace, "web", namespace, gateways);
    App app = new App(gateways, namespace);

    eventually(() -> {
      Gateway gateway = cluster.gateway(gateways, "default-gateway");
      assertThat(state(gateway.getStatus())).isEqualTo("Failed/" + Vocabulary.ISTIO_GATEWAY_CONFLICT);
      assertThat(readyMessage(gateway.getStatus())).isEqualTo(
          "Istio Gateway " + gateways + "/default-gateway already exists and is not managed by this Gateway");
      assertThat(cluster.events(gateways, Vocabulary.ISTIO_GATEWAY_CONFLICT)).isNotEmpty();
    });
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
    assertForeignUnchanged(foreign);

    cluster.delete(Gateway.class, gateways, "default-gateway");
    cluster.awaitRoute(app, "Pending/" + Vocabulary.GATEWAY_NOT_FOUND, "web-external-dns-weu");
    assertForeignUnchanged(foreign);
  }

  @Test
  void addressRecordFollowsTheLoadBalancerAddressAndIsKeptWhenTheAddressDisappears() {
    App app = cluster.app("{mode: Active}", true);
    cluster.awaitActive(app, app.uniqueTargetHost(), "web-external-dns-weu");

    Service service = cluster.loadBalancer(app, "10.1.2.3");
    String address = app.addressRecord("external-dns-weu");
    awaitAddressRecord(app, address, "10.1.2.3");
    eventually(() -> assertThat(cluster.endpoint(app.gatewayNamespace(), address).getMetadata().getOwnerReferences())
        .singleElement().satisfies(owner -> assertThat(owner.getUid()).isEqualTo(service.getMetadata().getUid())));

    cluster.setIngress(service, new LoadBalancerIngressBuilder().withIp("10.1.2.4").build());
    awaitAddressRecord(app, address, "10.1.2.4");
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());

    cluster.setIngress(service);
    eventually(() -> assertThat(dnsReady(app.gatewayNamespace())).satisfies(condition -> {
      assertThat(condition.getReason()).isEqualTo(Vocabulary.LOAD_BALANCER_IP_PENDING);
      assertThat(condition.getMessage()).isEqualTo("LoadBalancer IP pending");
    }));
    assertThat(cluster.singleEndpoint(app.gatewayNamespace(), address).getTargets()).as("fail static")
        .containsExactly("10.1.2.4");
  }

  @Test
  void deletedGatewayKeepsRouteRecordsAndDeletesItsIstioGateway() {
    App app = cluster.activeApp();
    eventually(() -> assertThat(cluster.istioGateway(app.gatewayNamespace(), "default-gateway")).isNotNull());
    String version = cluster.routeRecordVersion(app);

    cluster.delete(Gateway.class, app.gatewayNamespace(), "default-gateway");
    cluster.awaitRoute(app, "Pending/" + Vocabulary.GATEWAY_NOT_FOUND, "web-external-dns-weu");
    eventually(() -> {
      assertThat(readyMessage(cluster.route(app.namespace(), "web").getStatus()))
          .isEqualTo("Gateway default-gateway not found in namespace " + app.gatewayNamespace());
      assertThat(cluster.istioGateway(app.gatewayNamespace(), "default-gateway")).isNull();
    });
    assertThat(cluster.routeRecordVersion(app)).as("route DNSEndpoint kept unchanged").isEqualTo(version);
  }

  @Test
  void handEditedRecordsAndIstioGatewayAreRestored() {
    App app = cluster.activeApp();
    awaitIstioHost(app);

    cluster.edit(DNSEndpoint.class, app.namespace(), "web-external-dns-weu",
        endpoint -> endpoint.getSpec().getEndpoints().get(0).setTargets(List.of("elsewhere.example.org")));
    cluster.edit(io.fabric8.istio.api.networking.v1.Gateway.class, app.gatewayNamespace(), "default-gateway",
        istio -> istio.getSpec().getServers().get(0).setHosts(List.of("elsewhere.example.org")));

    awaitAdmitted(app);
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  @Test
  void handEditedRouteStatusIsRestored() {
    App app = cluster.activeApp();
    awaitAdmitted(app);

    cluster.editStatus(ServiceRoute.class, app.namespace(), "web", route -> {
      route.getStatus().setPhase(Vocabulary.PENDING);
      route.getStatus().setDnsEndpoints(List.of());
    });

    // Only the operator can set it back; its own status writes are skipped as echoes, this version is not one.
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
  }

  /** Creates the {@link Conflict}: the newer route a second later, so that ownership is decided by age. */
  private Conflict conflictingRoutes() throws InterruptedException {
    String gateways = cluster.namespace("gw");
    cluster.createGateway(gateways);
    String application = gateways; // a hostname no other test uses
    String older = cluster.namespace("zz-older");
    String newer = cluster.namespace("aa-newer");
    cluster.createPolicy(older, "default", "{mode: Active}");
    cluster.createPolicy(newer, "default", "{mode: Active}");
    cluster.createRoute(older, "web", application, gateways);
    Thread.sleep(1_100); // a later creationTimestamp, so ownership is decided by age, not by namespace name
    cluster.createRoute(newer, "web", application, gateways);
    return new Conflict(gateways, older, newer, hostname("web", application));
  }

  private void awaitWonByTheOlder(Conflict conflict) {
    String older = conflict.older();
    String newer = conflict.newer();
    eventually(() -> {
      assertThat(state(cluster.route(older, "web").getStatus())).isEqualTo("Active/ReconciliationSucceeded");
      assertThat(cluster.endpointNames(older)).containsExactly("web-external-dns-weu");
      ServiceRoute loser = cluster.route(newer, "web");
      assertThat(state(loser.getStatus())).isEqualTo("Failed/" + Vocabulary.HOSTNAME_CONFLICT);
      assertThat(readyMessage(loser.getStatus()))
          .isEqualTo("hostname \"" + conflict.host() + "\" is already used by ServiceRoute " + older + "/web");
      assertThat(loser.getStatus().getDnsEndpoints()).isNull();
      assertThat(cluster.endpointNames(newer)).isEmpty();
      assertThat(cluster.events(newer, Vocabulary.HOSTNAME_CONFLICT))
          .anySatisfy(event -> assertThat(event.getType()).isEqualTo("Warning"));
      assertThat(cluster.istioHosts(conflict.gateways(), "default-gateway")).containsExactly(conflict.host());
      assertThat(cluster.gateway(conflict.gateways(), "default-gateway").getStatus().getAttachedRoutes()).isEqualTo(1);
    });
  }

  private void awaitRejected(App app) {
    cluster.awaitRoute(app, "Failed/" + Vocabulary.NOT_ALLOWED_BY_GATEWAY);
    eventually(() -> {
      assertThat(readyMessage(cluster.route(app.namespace(), "web").getStatus())).isEqualTo("Gateway "
          + app.gatewayNamespace() + "/default-gateway does not allow routes from namespace " + app.namespace());
      assertThat(cluster.istioGateway(app.gatewayNamespace(), "default-gateway")).as("no host remains").isNull();
      assertThat(cluster.events(app.namespace(), Vocabulary.NOT_ALLOWED_BY_GATEWAY)).isNotEmpty();
    });
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  /** Awaits the app's route Active and its host on the Istio Gateway. */
  private void awaitAdmitted(App app) {
    cluster.awaitActive(app, WEU_TARGET, "web-external-dns-weu");
    awaitIstioHost(app);
  }

  private void awaitIstioHost(App app) {
    eventually(() -> assertThat(cluster.istioHosts(app.gatewayNamespace(), "default-gateway"))
        .containsExactly(app.hostname()));
  }

  /** Sets the allowedRoutes (flow YAML) of the app's Gateway. */
  private void setAllowedRoutes(App app, String allowedRoutes) {
    GatewaySpec wanted = LifecycleCluster.manifest("gateway-allowed-routes.yaml", GatewaySpec.class, allowedRoutes);
    cluster.edit(Gateway.class, app.gatewayNamespace(), "default-gateway",
        gateway -> gateway.getSpec().setAllowedRoutes(wanted.getAllowedRoutes()));
  }

  private void awaitAddressRecord(App app, String name, String ip) {
    eventually(() -> {
      Endpoint endpoint = cluster.singleEndpoint(app.gatewayNamespace(), name);
      assertThat(endpoint.getDnsName()).isEqualTo(app.uniqueTargetHost());
      assertThat(endpoint.getRecordType()).isEqualTo("A");
      assertThat(endpoint.getTargets()).containsExactly(ip);
      assertThat(endpoint.getRecordTTL()).isEqualTo(300L);
      assertThat(cluster.gateway(app.gatewayNamespace(), "default-gateway").getStatus().getLoadBalancerIP())
          .isEqualTo(ip);
      assertThat(dnsReady(app.gatewayNamespace()).getReason()).isEqualTo(Vocabulary.DNS_ENDPOINTS_CREATED);
    });
  }

  private Condition dnsReady(String gatewayNamespace) {
    return cluster.gateway(gatewayNamespace, "default-gateway").getStatus().condition(Vocabulary.DNS_READY)
        .orElseThrow();
  }

  private void assertForeignUnchanged(io.fabric8.istio.api.networking.v1.Gateway foreign) {
    io.fabric8.istio.api.networking.v1.Gateway now = cluster.istioGateway(foreign.getMetadata().getNamespace(),
        foreign.getMetadata().getName());
    assertThat(now).as("the foreign Istio Gateway still exists").isNotNull();
    assertThat(now.getMetadata().getResourceVersion()).isEqualTo(foreign.getMetadata().getResourceVersion());
    assertThat(now.getSpec().getServers().get(0).getHosts()).containsExactly("foreign.example.org");
  }
}
