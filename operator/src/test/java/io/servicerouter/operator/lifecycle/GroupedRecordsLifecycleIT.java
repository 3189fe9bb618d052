package io.servicerouter.operator.lifecycle;

import static io.servicerouter.operator.lifecycle.LifecycleCluster.WEU_TARGET;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.eventually;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.readyMessage;
import static io.servicerouter.operator.lifecycle.LifecycleCluster.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.Labels;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.RecordCount;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Vocabulary;
import io.servicerouter.testsupport.ControlPlaneExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §4.6 on the real control plane: with {@code --dnsendpoint-layout namespace} the route records of a namespace
 * live in one DNSEndpoint per controller owned by its DNSPolicy, the §3.8 record actions hold per route inside the
 * shared object, a foreign object holding the group name fails the namespace's routes, a failover writes no route
 * status, and 2,500 routes are sharded stably. Each test uses namespaces of its own.
 */
@ExtendWith({ControlPlaneExtension.class, LifecycleClusterExtension.class})
@RecordLayout(DnsEndpointLayout.NAMESPACE)
class GroupedRecordsLifecycleIT {

  private static final String WEU_GROUP = "external-dns-weu.routes";
  private static final String NEU_GROUP = "external-dns-neu.routes";

  private final LifecycleCluster cluster;

  GroupedRecordsLifecycleIT(LifecycleCluster cluster) {
    this.cluster = cluster;
  }

  @Test
  void routesOfANamespaceShareOneDNSEndpointPerControllerOwnedByThePolicy() {
    LifecycleCluster.App app = cluster.app("{mode: Active}");
    cluster.createRoute(app.namespace(), "api", app.namespace(), app.gatewayNamespace());
    cluster.createRoute(app.namespace(), "admin", app.namespace(), app.gatewayNamespace());

    eventually(() -> {
      assertThat(cluster.endpointNames(app.namespace())).containsExactly(WEU_GROUP);
      DNSEndpoint group = cluster.endpoint(app.namespace(), WEU_GROUP);
      assertThat(group.getSpec().getEndpoints()).extracting(Endpoint::getDnsName).containsExactly(
          hostname(app, "admin"), hostname(app, "api"), hostname(app, "web"));
      assertThat(group.getSpec().getEndpoints()).allSatisfy(e -> assertThat(e.getTargets()).containsExactly(WEU_TARGET));
      assertThat(group.getMetadata().getAnnotations()).containsEntry(Labels.ANNOTATION_ROUTES, "admin,api,web");
      assertThat(group.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(owner -> assertThat(owner.getKind() + "/" + owner.getName()).isEqualTo("DNSPolicy/default"));
      for (String route : List.of("web", "api", "admin")) {
        ServiceRoute stored = cluster.route(app.namespace(), route);
        assertThat(state(stored.getStatus())).isEqualTo("Active/ReconciliationSucceeded");
        assertThat(stored.getStatus().getDnsEndpoints()).as("no per-route names in this layout").isNull();
        assertThat(stored.getStatus().getDnsEndpoint()).isNull();
      }
      DNSPolicy policy = cluster.policy(app.namespace(), "default");
      assertThat(policy.getStatus().getDnsEndpoints()).containsExactly(WEU_GROUP);
      assertThat(policy.getStatus().getRecords()).containsExactly(new RecordCount("external-dns-weu", 3));
    });
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());

    setPolicySpec(app, "{mode: RegionBound, sourceRegion: weu}");
    eventually(() -> {
      assertThat(cluster.endpointNames(app.namespace())).containsExactly(NEU_GROUP, WEU_GROUP);
      assertThat(cluster.policy(app.namespace(), "default").getStatus().getRecords())
          .containsExactly(new RecordCount("external-dns-weu", 3), new RecordCount("external-dns-neu", 3));
    });
    setPolicySpec(app, "{mode: Active}");
    eventually(() -> assertThat(cluster.endpointNames(app.namespace())).containsExactly(WEU_GROUP));
    cluster.assertWrittenAsPlanned(app.namespace(), app.gatewayNamespace());
  }

  @Test
  void keepLeavesOneRouteRecordExactlyAsStoredInsideTheSharedObject() {
    LifecycleCluster.App app = cluster.app("{mode: Active}");
    cluster.createRoute(app.namespace(), "api", app.namespace(), app.gatewayNamespace());
    eventually(() -> assertThat(cluster.endpoint(app.namespace(), WEU_GROUP).getSpec().getEndpoints()).hasSize(2));

    // api loses its Gateway (row 7: Pending/GatewayNotFound, records kept); then a TTL reaches only web's record.
    cluster.edit(ServiceRoute.class, app.namespace(), "api", route -> route.getSpec().setGatewayName("missing"));
    cluster.awaitRoute(app.namespace(), "api", "Pending/" + Vocabulary.GATEWAY_NOT_FOUND);
    setPolicySpec(app, "{mode: Active, recordTTL: 60}");
    eventually(() -> {
      Map<String, Endpoint> records = records(app);
      assertThat(records.get(hostname(app, "web")).getRecordTTL()).isEqualTo(60L);
      assertThat(records.get(hostname(app, "api")).getRecordTTL()).as("kept as stored").isNull();
      assertThat(records.get(hostname(app, "api")).getTargets()).containsExactly(WEU_TARGET);
    });
    // No comparison with an offline plan here: a render cannot know what is stored, so it has no kept records.
  }

  @Test
  void deleteRemovesOnlyThatRouteRecordAndAnEmptyGroupIsDeleted() {
    LifecycleCluster.App app = cluster.app("{mode: Active}");
    cluster.createRoute(app.namespace(), "api", app.namespace(), app.gatewayNamespace());
    eventually(() -> assertThat(cluster.endpoint(app.namespace(), WEU_GROUP).getSpec().getEndpoints()).hasSize(2));

    cluster.delete(ServiceRoute.class, app.namespace(), "api");
    eventually(() -> assertThat(records(app)).containsOnlyKeys(hostname(app, "web")));

    cluster.delete(ServiceRoute.class, app.namespace(), "web");
    eventually(() -> {
      assertThat(cluster.endpointNames(app.namespace())).isEmpty();
      assertThat(cluster.policy(app.namespace(), "default").getStatus().getDnsEndpoints()).isEmpty();
    });
  }

  @Test
  void foreignObjectHoldingTheGroupNameFailsTheNamespacesRoutesAndIsLeftAlone() {
    String gatewayNamespace = cluster.namespace("gw");
    cluster.createGateway(gatewayNamespace);
    String namespace = cluster.namespace("app");
    DNSEndpoint foreign = cluster.create("foreign-dns-endpoint.yaml", DNSEndpoint.class, WEU_GROUP, namespace);
    cluster.createPolicy(namespace, "default", "{mode: Active}");
    cluster.createRoute(namespace, "web", namespace, gatewayNamespace);

    cluster.awaitRoute(namespace, "web", "Failed/" + Vocabulary.DNS_ENDPOINT_CONFLICT);
    eventually(() -> {
      assertThat(readyMessage(cluster.route(namespace, "web").getStatus())).isEqualTo(
          "DNSEndpoint " + namespace + "/" + WEU_GROUP + " already exists and is not managed by the operator");
      assertThat(readyMessage(cluster.policy(namespace, "default").getStatus())).contains(
          "DNSEndpoint " + namespace + "/" + WEU_GROUP + " already exists and is not managed by the operator");
      DNSEndpoint stored = cluster.endpoint(namespace, WEU_GROUP);
      assertThat(stored.getMetadata().getResourceVersion()).as("untouched")
          .isEqualTo(foreign.getMetadata().getResourceVersion());
    });

    cluster.delete(DNSEndpoint.class, namespace, WEU_GROUP);
    cluster.awaitRoute(namespace, "web", "Active/ReconciliationSucceeded");
    eventually(() -> assertThat(cluster.endpoint(namespace, WEU_GROUP).getMetadata().getLabels())
        .containsEntry(Labels.LABEL_RESOURCE_TYPE, Labels.RESOURCE_TYPE_SERVICE_ROUTES));
  }

  @Test
  void failoverWritesGroupsAndNoRouteStatus() {
    LifecycleCluster.App app = cluster.app("{mode: Active}");
    cluster.createRoute(app.namespace(), "api", app.namespace(), app.gatewayNamespace());
    eventually(() -> assertThat(cluster.endpoint(app.namespace(), WEU_GROUP).getSpec().getEndpoints()).hasSize(2));
    Map<String, String> versions = routeVersions(app.namespace());
    OptionalDouble lastConvergence = cluster.convergenceSeconds();

    cluster.adoptRegions("[neu]");
    eventually(() -> assertThat(cluster.endpointNames(app.namespace())).containsExactly(NEU_GROUP, WEU_GROUP));
    cluster.assertWrittenAsPlanned(app.namespace());
    // The policy reconcile that writes the groups is what completes the routes' convergence in this layout.
    eventually(() -> {
      assertThat(cluster.metrics())
          .contains("servicerouter_config_convergence_in_progress{source=\"clusteridentity\"} 0.0");
      assertThat(cluster.convergenceSeconds()).as("a new convergence completed").isPresent()
          .isNotEqualTo(lastConvergence);
    });
    assertThat(routeVersions(app.namespace())).as("no ServiceRoute written by the failover").isEqualTo(versions);

    cluster.restoreBaseline();
    eventually(() -> assertThat(cluster.endpointNames(app.namespace())).containsExactly(WEU_GROUP));
    assertThat(routeVersions(app.namespace())).as("no ServiceRoute written by the release").isEqualTo(versions);
  }

  @Test
  void twoThousandFiveHundredRoutesAreShardedAndOneMoreRewritesOneObject() {
    String gatewayNamespace = cluster.namespace("gw");
    cluster.createGateway(gatewayNamespace);
    String namespace = cluster.namespace("big");
    cluster.createPolicy(namespace, "default", "{mode: Active}");
    for (int i = 0; i < 2_500; i++) {
      cluster.createRoute(namespace, "svc-" + i, namespace, gatewayNamespace);
    }
    LifecycleCluster.eventuallyLong(() -> assertThat(groupSizes(namespace).values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(2_500));
    Map<String, Integer> sizes = groupSizes(namespace);
    assertThat(sizes).hasSize(3).allSatisfy((name, size) -> assertThat(size).isLessThanOrEqualTo(1_000));
    assertThat(sizes).containsKeys(WEU_GROUP, WEU_GROUP + ".1", WEU_GROUP + ".2");
    Map<String, String> before = groupVersions(namespace);

    cluster.createRoute(namespace, "svc-2500", namespace, gatewayNamespace);
    LifecycleCluster.eventuallyLong(() -> assertThat(groupSizes(namespace).values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(2_501));
    Map<String, String> after = groupVersions(namespace);
    long rewritten = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
    assertThat(rewritten).as("objects rewritten by one more route").isBetween(1L, 2L);
  }

  private void setPolicySpec(LifecycleCluster.App app, String spec) {
    DNSPolicy wanted = LifecycleCluster.manifest("dns-policy.yaml", DNSPolicy.class, "default", app.namespace(), spec);
    cluster.edit(DNSPolicy.class, app.namespace(), "default", current -> current.setSpec(wanted.getSpec()));
  }

  private static String hostname(LifecycleCluster.App app, String route) {
    return LifecycleCluster.hostname(route, app.namespace());
  }

  /** The records of the app's weu group by dnsName. */
  private Map<String, Endpoint> records(LifecycleCluster.App app) {
    Map<String, Endpoint> records = new HashMap<>();
    cluster.endpoint(app.namespace(), WEU_GROUP).getSpec().getEndpoints().forEach(e -> records.put(e.getDnsName(), e));
    return records;
  }

  private Map<String, String> routeVersions(String namespace) {
    Map<String, String> versions = new HashMap<>();
    cluster.routes(namespace).forEach(r -> versions.put(r.getMetadata().getName(), r.getMetadata().getResourceVersion()));
    return versions;
  }

  private Map<String, Integer> groupSizes(String namespace) {
    Map<String, Integer> sizes = new HashMap<>();
    cluster.endpoints(namespace).forEach(e -> sizes.put(e.getMetadata().getName(), e.getSpec().getEndpoints().size()));
    return sizes;
  }

  private Map<String, String> groupVersions(String namespace) {
    Map<String, String> versions = new HashMap<>();
    cluster.endpoints(namespace).forEach(e -> versions.put(e.getMetadata().getName(), e.getMetadata().getResourceVersion()));
    return versions;
  }
}
