package io.servicerouter.operator.dnspolicy;

import static io.servicerouter.operator.cache.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.InMemoryCaches;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.RecordAction;
import io.servicerouter.planner.RouteGroupPlan;
import io.servicerouter.planner.SpecProblems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The grouped layout's plan (SPEC §4.6) over the operator's cache snapshot, with stored objects: what the DNSPolicy
 * reconciler writes, deletes and retires, step by step as the API server would store its writes. The lifecycle ITs
 * prove the same on the real control plane; here the steps of a layout switch and of sharding are checked exactly.
 */
class RouteGroupPlanTest {

  private static final String NS = "shop";
  private static final String TARGET = "aks01-weu-internal.example.com";

  private final InMemoryCaches grouped = new InMemoryCaches(Options.DEFAULTS);
  private final DNSPolicy policy = object(DNSPolicy.class, """
      apiVersion: routing.router.io/v1alpha1
      kind: DNSPolicy
      metadata: {name: default, namespace: shop}
      spec: {mode: Active}
      """);

  RouteGroupPlanTest() {
    grouped.put(object(ClusterIdentity.class, """
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: weu, cluster: aks01, domain: example.com, environmentLetter: p}
        """), object(DNSConfiguration.class, """
        apiVersion: cluster.router.io/v1alpha1
        kind: DNSConfiguration
        metadata: {name: dns-config}
        spec: {externalDNSControllers: [{name: external-dns-weu, region: weu}]}
        """), object(Gateway.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: Gateway
        metadata: {name: gw, namespace: istio-system}
        spec: {controller: ingress, credentialName: cert, targetPostfix: internal}
        """), policy);
  }

  private static ServiceRoute route(String name, String gateway) {
    return object(ServiceRoute.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        metadata: {name: %s, namespace: shop}
        spec: {serviceName: %s, gatewayName: %s, environment: prod, application: shop}
        """.formatted(name, name, gateway));
  }

  private static String hostname(String route) {
    return route + "-ns-p-prod-shop.example.com";
  }

  private RouteGroupPlan plan(InMemoryCaches caches, DnsEndpointLayout layout) {
    Options options = Options.DEFAULTS.withLayout(layout);
    return new Evaluation(new CacheSnapshot(caches.caches(), SpecProblems.NONE), options).routeGroups(NS);
  }

  /** Stores the plan's writes as the API server would (with a uid), and removes what it deletes. */
  private void store(InMemoryCaches caches, RouteGroupPlan plan) {
    for (DNSEndpoint group : plan.desired()) {
      group.getMetadata().setUid(UUID.randomUUID().toString());
      group.getMetadata().getOwnerReferences().forEach(owner -> owner.setUid(policy.getMetadata().getUid()));
      caches.put(group);
    }
    List<HasMetadata> gone = new ArrayList<>(plan.obsolete());
    gone.addAll(plan.retired());
    gone.forEach(object -> caches.remove(object));
  }

  /** The per-route DNSEndpoint of SPEC §4.2 that the route layout stores for a route. */
  private static DNSEndpoint perRoute(ServiceRoute route) {
    DNSEndpoint endpoint = object(DNSEndpoint.class, """
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata:
          name: %s-external-dns-weu
          namespace: shop
          labels: {app.kubernetes.io/managed-by: service-router-operator, router.io/controller: external-dns-weu,
            router.io/region: weu, router.io/serviceroute: %s, router.io/source-namespace: shop}
          ownerReferences: [{apiVersion: routing.router.io/v1alpha1, kind: ServiceRoute, name: %s, uid: %s,
            controller: true}]
        spec:
          endpoints: [{dnsName: %s, recordType: CNAME, targets: [%s]}]
        """.formatted(route.getMetadata().getName(), route.getMetadata().getName(), route.getMetadata().getName(),
        route.getMetadata().getUid(), hostname(route.getMetadata().getName()), TARGET));
    return endpoint;
  }

  private static Map<String, List<String>> records(RouteGroupPlan plan) {
    Map<String, List<String>> records = new HashMap<>();
    plan.desired().forEach(group -> records.put(group.getMetadata().getName(),
        group.getSpec().getEndpoints().stream().map(Endpoint::getDnsName).toList()));
    return records;
  }

  @Test
  void recordsOfTheNamespaceAreOneGroupSortedByNameWithTheirRoutesAnnotated() {
    grouped.put(route("web", "gw"), route("api", "gw"));

    RouteGroupPlan plan = plan(grouped, DnsEndpointLayout.NAMESPACE);

    assertThat(records(plan)).containsExactly(Map.entry("external-dns-weu.routes", List.of(hostname("api"), hostname("web"))));
    assertThat(plan.desired().get(0).getMetadata().getAnnotations()).containsEntry(Labels.ANNOTATION_ROUTES, "api,web");
    assertThat(plan.names()).containsExactly("external-dns-weu.routes");
  }

  @Test
  void keptRouteKeepsItsStoredRecordWhileAnotherConvergesAndADeletedRouteLeaves() {
    ServiceRoute web = route("web", "gw");
    ServiceRoute api = route("api", "gw");
    ServiceRoute old = route("old", "gw");
    grouped.put(web, api, old);
    store(grouped, plan(grouped, DnsEndpointLayout.NAMESPACE));

    ServiceRoute lost = route("api", "missing"); // row 7: Pending/GatewayNotFound, records kept
    lost.getMetadata().setUid(api.getMetadata().getUid());
    grouped.put(lost);
    grouped.remove(old);
    RouteGroupPlan plan = plan(grouped, DnsEndpointLayout.NAMESPACE);

    assertThat(records(plan)).containsExactly(Map.entry("external-dns-weu.routes", List.of(hostname("api"), hostname("web"))));
    assertThat(plan.desired().get(0).getSpec().getEndpoints().get(0).getTargets()).as("as stored").containsExactly(TARGET);
  }

  @Test
  void switchingFromTheRouteLayoutRetiresPerRouteObjectsOnlyOnceTheGroupHoldsTheirRecords() {
    ServiceRoute web = route("web", "gw");
    ServiceRoute lost = route("lost", "missing");
    DNSEndpoint webOwn = perRoute(web);
    DNSEndpoint lostOwn = perRoute(lost);
    grouped.put(web, lost, webOwn, lostOwn);

    RouteGroupPlan plan = plan(grouped, DnsEndpointLayout.NAMESPACE);

    assertThat(records(plan)).containsExactly(Map.entry("external-dns-weu.routes", List.of(hostname("web"))));
    assertThat(plan.retired()).as("retired after the group is written; the kept route keeps its own object")
        .containsExactly(webOwn);
  }

  @Test
  void switchingToTheRouteLayoutKeepsEachGroupRecordUntilTheRoutesOwnObjectExists() {
    ServiceRoute web = route("web", "gw");
    ServiceRoute api = route("api", "gw");
    grouped.put(web, api);
    store(grouped, plan(grouped, DnsEndpointLayout.NAMESPACE));

    RouteGroupPlan nothingYet = plan(grouped, DnsEndpointLayout.ROUTE);
    assertThat(records(nothingYet)).containsExactly(Map.entry("external-dns-weu.routes", List.of(hostname("api"), hostname("web"))));

    grouped.put(perRoute(web));
    RouteGroupPlan webWritten = plan(grouped, DnsEndpointLayout.ROUTE);
    assertThat(records(webWritten)).containsExactly(Map.entry("external-dns-weu.routes", List.of(hostname("api"))));
    store(grouped, webWritten);

    grouped.put(perRoute(api));
    RouteGroupPlan both = plan(grouped, DnsEndpointLayout.ROUTE);
    assertThat(both.desired()).isEmpty();
    assertThat(both.obsolete()).extracting(group -> group.getMetadata().getName()).containsExactly("external-dns-weu.routes");
  }

  @Test
  void foreignObjectWithTheGroupNameFailsTheRoutesAndIsNeitherWrittenNorDeleted() {
    grouped.put(route("web", "gw"), object(DNSEndpoint.class, """
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata: {name: external-dns-weu.routes, namespace: shop}
        spec: {endpoints: []}
        """));
    Evaluation evaluation = new Evaluation(new CacheSnapshot(grouped.caches(), SpecProblems.NONE), Options.DEFAULTS);

    RouteGroupPlan plan = evaluation.routeGroups(NS);

    assertThat(evaluation.route(route("web", "gw")).action()).isEqualTo(RecordAction.KEEP);
    assertThat(plan.desired()).isEmpty();
    assertThat(plan.obsolete()).isEmpty();
    assertThat(plan.conflicts()).containsExactly("shop/external-dns-weu.routes");
  }

  @Test
  void twoThousandFiveHundredRoutesShardAtMostOneThousandPerObjectAndOneMoreRouteRewritesOneObject() {
    for (int i = 0; i < 2_500; i++) {
      grouped.put(route("svc-" + i, "gw"));
    }
    RouteGroupPlan before = plan(grouped, DnsEndpointLayout.NAMESPACE);
    assertThat(before.desired()).hasSize(3)
        .allSatisfy(group -> assertThat(group.getSpec().getEndpoints()).hasSizeLessThanOrEqualTo(1_000));
    store(grouped, before);

    for (String added : List.of("svc-2500", "extra", "another-one")) {
      grouped.put(route(added, "gw"));
      RouteGroupPlan after = plan(grouped, DnsEndpointLayout.NAMESPACE);
      long changed = after.desired().stream().filter(group -> grouped.caches().dnsEndpoints()
          .get(NS, group.getMetadata().getName())
          .map(stored -> !Objects.equals(stored.getSpec(), group.getSpec())).orElse(true)).count();
      assertThat(changed).as("objects changed by adding %s", added).isEqualTo(1);
      store(grouped, after);
    }
  }
}
