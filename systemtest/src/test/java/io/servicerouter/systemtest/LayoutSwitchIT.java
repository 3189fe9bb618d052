package io.servicerouter.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.OperatorMetrics;
import io.servicerouter.operator.OperatorRuntime;
import io.servicerouter.operator.OperatorSettings;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Options;
import io.servicerouter.testsupport.BindServer;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.DnsLookup;
import io.servicerouter.testsupport.ExternalDns;
import io.servicerouter.testsupport.ExternalDns.Policy;
import io.servicerouter.testsupport.ExternalDns.Selection;
import io.servicerouter.testsupport.ExternalDns.Settings;
import io.servicerouter.testsupport.TestNamespace;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC §4.6 on a live cluster with real ExternalDNS writing a real BIND zone: switching the operator's layout
 * route → namespace → route (a new operator process each time, as a rolling update does) never removes or changes
 * a record. A sampler queries every route name over DNS the whole time; every answer must be the route's CNAME.
 */
@ExtendWith(ControlPlaneExtension.class)
class LayoutSwitchIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String DOMAIN = "example.com";
  private static final String CONTROLLER = "external-dns-weu";
  private static final String TARGET = "aks01-weu-internal." + DOMAIN;
  private static final int ROUTES_PER_NAMESPACE = 8;

  private TestObjects objects;
  private OperatorRuntime operator;

  @AfterEach
  void cleanUp() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (objects != null) {
      objects.close();
    }
  }

  @Test
  void switchingTheLayoutBackAndForthNeverTakesARecordOutOfTheZone(ControlPlane controlPlane) throws Exception {
    KubernetesClient client = controlPlane.client();
    objects = new TestObjects(client);
    BindServer bind = BindServer.start("layout-switch", List.of(DOMAIN));
    objects.add(bind);
    ExternalDns externalDns = ExternalDns.start(controlPlane, bind,
        new Settings(CONTROLLER, DOMAIN, Policy.SYNC, Selection.LABEL));
    objects.add(externalDns);
    TestNamespace gateways = objects.namespace("gw");
    List<TestNamespace> apps = List.of(objects.namespace("swa"), objects.namespace("swb"));
    objects.created("""
        apiVersion: cluster.router.io/v1alpha1
        kind: ClusterIdentity
        metadata: {name: cluster-identity}
        spec: {region: weu, cluster: aks01, domain: %s, environmentLetter: p}
        """.formatted(DOMAIN), ClusterIdentity.class);
    objects.created("""
        apiVersion: cluster.router.io/v1alpha1
        kind: DNSConfiguration
        metadata: {name: dns-config}
        spec: {externalDNSControllers: [{name: %s, region: weu}]}
        """.formatted(CONTROLLER), DNSConfiguration.class);
    objects.created("""
        apiVersion: routing.router.io/v1alpha1
        kind: Gateway
        metadata: {name: default-gateway, namespace: %s}
        spec: {controller: aks-istio-ingressgateway-internal, credentialName: cert, targetPostfix: internal}
        """.formatted(gateways.name()), Gateway.class);
    List<String> names = new ArrayList<>();
    for (TestNamespace app : apps) {
      objects.created("""
          apiVersion: routing.router.io/v1alpha1
          kind: DNSPolicy
          metadata: {name: default, namespace: %s}
          spec: {mode: Active}
          """.formatted(app.name()), DNSPolicy.class);
      for (int i = 0; i < ROUTES_PER_NAMESPACE; i++) {
        objects.created("""
            apiVersion: routing.router.io/v1alpha1
            kind: ServiceRoute
            metadata: {name: svc-%d, namespace: %s}
            spec: {serviceName: svc-%d, gatewayName: default-gateway, gatewayNamespace: %s, environment: prod,
              application: %s}
            """.formatted(i, app.name(), i, gateways.name(), app.name()), ServiceRoute.class);
        names.add("svc-" + i + "-ns-p-prod-" + app.name() + "." + DOMAIN);
      }
    }

    start(client, DnsEndpointLayout.ROUTE);
    awaitLayout(client, apps, DnsEndpointLayout.ROUTE);
    names.forEach(name -> bind.lookup().await(name, "CNAME", List.of(TARGET), TIMEOUT));

    try (Sampler sampler = new Sampler(bind.lookup(), names)) {
      for (DnsEndpointLayout layout : List.of(DnsEndpointLayout.NAMESPACE, DnsEndpointLayout.ROUTE)) {
        operator.close();
        start(client, layout);
        awaitLayout(client, apps, layout);
        externalDns.awaitCompletePass(TIMEOUT);
        externalDns.awaitCompletePass(TIMEOUT);
      }
      System.out.println("layout switch: " + sampler.queries() + " DNS queries of " + names.size() + " names");
      assertThat(sampler.queries()).as("queries during the switches").isGreaterThan(10L * names.size());
      assertThat(sampler.wrong()).as("answers other than the route's CNAME during the switches").isEmpty();
    }
  }

  /** Starts an operator in the layout, closed before the next one starts and after the test. */
  private void start(KubernetesClient client, DnsEndpointLayout layout) throws Exception {
    operator = OperatorRuntime.start(client, new OperatorSettings(WatchScope.ALL, Options.DEFAULTS.withLayout(layout),
        4, Optional.empty()), new OperatorMetrics("switch-" + layout), Clock.systemUTC());
  }

  /** Waits until the apps' records are exactly in the layout's objects and the other layout's objects are gone. */
  private static void awaitLayout(KubernetesClient client, List<TestNamespace> apps, DnsEndpointLayout layout) {
    await("records in the " + layout + " layout").atMost(TIMEOUT).untilAsserted(() -> {
      for (TestNamespace app : apps) {
        List<DNSEndpoint> endpoints = client.resources(DNSEndpoint.class).inNamespace(app.name()).list().getItems();
        if (layout == DnsEndpointLayout.NAMESPACE) {
          assertThat(endpoints).extracting(e -> e.getMetadata().getName()).containsExactly(CONTROLLER + ".routes");
          assertThat(endpoints.get(0).getSpec().getEndpoints()).hasSize(ROUTES_PER_NAMESPACE);
        } else {
          assertThat(endpoints).hasSize(ROUTES_PER_NAMESPACE)
              .allSatisfy(e -> assertThat(e.getMetadata().getLabels()).containsKey(Labels.LABEL_SERVICE_ROUTE));
        }
      }
    });
  }

  /** Queries every name in turn on its own thread until closed, keeping every answer that is not the CNAME. */
  private static final class Sampler implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong queries = new AtomicLong();
    private final Map<String, List<String>> wrong = new ConcurrentHashMap<>();
    private final Thread thread;

    Sampler(DnsLookup lookup, List<String> names) {
      thread = new Thread(() -> {
        while (running.get()) {
          for (String name : names) {
            List<String> answers;
            try {
              answers = lookup.answers(name, "CNAME");
            } catch (RuntimeException e) {
              answers = List.of("query failed: " + e.getMessage());
            }
            queries.incrementAndGet();
            if (!answers.equals(List.of(TARGET))) {
              wrong.putIfAbsent(name + " after " + queries.get() + " queries", answers);
            }
          }
        }
      }, "dns-sampler");
      thread.start();
    }

    long queries() {
      return queries.get();
    }

    Map<String, List<String>> wrong() {
      return wrong;
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }


}
