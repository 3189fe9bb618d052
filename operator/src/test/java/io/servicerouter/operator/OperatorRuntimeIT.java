package io.servicerouter.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.operator.zonelease.ZoneLeaseReconciler;
import io.servicerouter.planner.Options;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.TestNamespace;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime's resilience settings on a real API server: every controller retries a failed reconcile without
 * limit and re-checks its objects periodically; the controllers watch through the shared informers (each watch is
 * opened once); the Service cache holds only the Services the planner reads; and a stopped shared informer makes
 * the process unhealthy; the threads JOSDK starts the controllers on do not stay.
 */
@ExtendWith(ControlPlaneExtension.class)
class OperatorRuntimeIT {

  @Test
  void everyControllerRetriesWithoutLimitAndRechecksPeriodically(ControlPlane controlPlane) throws Exception {
    try (OperatorRuntime runtime = OperatorRuntime.start(controlPlane.client(), new OperatorSettings(WatchScope.ALL,
        Options.DEFAULTS, 1, Optional.empty()), new OperatorMetrics("test"), Clock.systemUTC())) {
      assertThat(runtime.controllerConfigurations()).extracting(configuration -> configuration.getName())
          .as("the five kinds' reconcilers, the address records, the zone leases and the two orphan sweepers")
          .hasSize(9).contains(ZoneLeaseReconciler.KIND);
      assertThat(runtime.controllerConfigurations()).allSatisfy(configuration -> {
        GenericRetry retry = (GenericRetry) configuration.getRetry();
        assertThat(retry.getMaxAttempts()).as("%s attempts", configuration.getName()).isEqualTo(-1);
        assertThat(retry.getMaxInterval()).isEqualTo(60_000);
        assertThat(configuration.maxReconciliationInterval()).contains(OperatorRuntime.RECHECK_INTERVAL);
      });
      assertThat(runtime.healthy()).isTrue();
    }
  }

  @Test
  void theThreadsThatStartedTheControllersDoNotOutliveTheStart(ControlPlane controlPlane) throws Exception {
    try (OperatorRuntime runtime = OperatorRuntime.start(controlPlane.client(), new OperatorSettings(WatchScope.ALL,
        Options.DEFAULTS, 1, Optional.empty()), new OperatorMetrics("test"), Clock.systemUTC())) {
      // JOSDK's own keep-alive is a minute
      await().atMost(Duration.ofSeconds(15)).until(() -> runtime.startPoolThreads() == 0);
      assertThat(runtime.healthy()).isTrue();
    }
  }

  @Test
  void everyWatchIsOpenedOnceTheControllersSharingTheCachesInformers(ControlPlane controlPlane) throws Exception {
    Map<String, Integer> watches = new ConcurrentHashMap<>();
    Interceptor counting = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String query = request.uri().getRawQuery();
        if (query != null && query.contains("watch=true")) {
          String selector = Stream.of(query.split("&")).filter(p -> p.startsWith("labelSelector=")).findFirst()
              .orElse("");
          watches.merge(request.uri().getRawPath() + "?" + selector, 1, Integer::sum);
        }
      }
    };
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(controlPlane.client().getConfiguration())
        .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("count-watches", counting)).build();
        OperatorRuntime runtime = OperatorRuntime.start(client, new OperatorSettings(WatchScope.ALL, Options.DEFAULTS,
            1, Optional.empty()), new OperatorMetrics("test"), Clock.systemUTC())) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(watches)
          .as("the nine shared informers and the orphan collectors' two of generated objects").hasSize(11));
      assertThat(watches).allSatisfy((watch, opened) -> assertThat(opened).as(watch).isEqualTo(1));
      assertThat(watches.keySet()).filteredOn(watch -> watch.contains("managed-by")).hasSize(2);
    }
  }

  @Test
  void onlyServicesLabelledIstioAreCachedAndAStoppedInformerIsReported(ControlPlane controlPlane) throws Exception {
    KubernetesClient client = controlPlane.client();
    try (TestNamespace namespace = TestNamespace.create(client, "services")) {
      client.resource(service(namespace.name(), "ingress", Map.of("istio", "aks-istio-ingressgateway-internal")))
          .create();
      client.resource(service(namespace.name(), "backend", Map.of("app", "backend"))).create();
      SharedCaches caches = SharedCaches.create(client, WatchScope.ALL, Options.DEFAULTS);
      try {
        caches.startAndAwaitSync(Duration.ofSeconds(60));
        assertThat(caches.services().list().stream().filter(s -> namespace.name().equals(s.getMetadata().getNamespace()))
            .map(s -> s.getMetadata().getName())).containsExactly("ingress");
        assertThat(caches.running()).isTrue();
      } finally {
        caches.close();
      }
      assertThat(caches.running()).as("after the informers stopped").isFalse();
    }
  }

  private static Service service(String namespace, String name, Map<String, String> labels) {
    return new ServiceBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels)
        .endMetadata().withNewSpec().withType("ClusterIP").addNewPort().withPort(80).endPort().endSpec().build();
  }
}
