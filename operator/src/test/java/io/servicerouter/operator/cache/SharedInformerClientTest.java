package io.servicerouter.operator.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.Options;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client view JOSDK's controllers get hands out the shared informer for the watches the shared caches have
 * (kind, namespace, label selector as JOSDK asks for them) and a new informer for any other. No informer is started,
 * so no server is needed.
 */
class SharedInformerClientTest {

  private final KubernetesClient client = new KubernetesClientBuilder()
      .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void informersOfSharedWatchesAreTheSharedOnes() {
    SharedCaches caches = SharedCaches.create(client, WatchScope.ALL, Options.DEFAULTS);
    KubernetesClient view = SharedInformerClient.of(client, caches);

    assertThat(view.resources(ServiceRoute.class).inAnyNamespace().withLabelSelector((String) null)
        .runnableInformer(0)).isSameAs(only(caches.routes()));
    assertThat(view.resources(ClusterIdentity.class).inAnyNamespace().withLabelSelector((String) null)
        .runnableInformer(0)).as("a cluster-scoped kind").isSameAs(only(caches.clusterIdentities()));
    assertThat(view.resources(Service.class).inAnyNamespace().withLabelSelector(SharedCaches.ISTIO_LABEL)
        .runnableInformer(0)).as("the Services labelled istio").isSameAs(only(caches.services()));
  }

  @Test
  void otherWatchesGetInformersOfTheirOwn() {
    SharedCaches caches = SharedCaches.create(client, WatchScope.ALL, Options.DEFAULTS);
    KubernetesClient view = SharedInformerClient.of(client, caches);

    SharedIndexInformer<DNSEndpoint> managedOnly = view.resources(DNSEndpoint.class).inAnyNamespace()
        .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.OPERATOR_NAME).runnableInformer(0);
    assertThat(managedOnly).as("another label selector").isNotSameAs(only(caches.dnsEndpoints()));
    assertThat(view.resources(Service.class).inAnyNamespace().withLabelSelector((String) null).runnableInformer(0))
        .as("every Service").isNotSameAs(only(caches.services()));
    assertThat(view.resources(ServiceRoute.class).inNamespace("shop").withLabelSelector((String) null)
        .runnableInformer(0)).as("one namespace of all").isNotSameAs(only(caches.routes()));
    managedOnly.close();
  }

  @Test
  void aNamespaceListSharesOneInformerPerWatchedNamespace() {
    SharedCaches caches = SharedCaches.create(client, new WatchScope(List.of("shop", "payments")), Options.DEFAULTS);
    KubernetesClient view = SharedInformerClient.of(client, caches);

    assertThat(List.of("shop", "payments")).allSatisfy(namespace -> assertThat(view.resources(ServiceRoute.class)
        .inNamespace(namespace).withLabelSelector((String) null).runnableInformer(0))
        .isIn(caches.routes().informers()));
    assertThat(view.resources(ServiceRoute.class).inNamespace("other").withLabelSelector((String) null)
        .runnableInformer(0)).as("an unwatched namespace").isNotIn(caches.routes().informers());
  }

  @Test
  void everythingElseIsTheOperatorsClient() {
    SharedCaches caches = SharedCaches.create(client, WatchScope.ALL, Options.DEFAULTS);
    KubernetesClient view = SharedInformerClient.of(client, caches);

    assertThat(view.getMasterUrl()).isEqualTo(client.getMasterUrl());
    assertThat(view.getKubernetesSerialization()).isSameAs(client.getKubernetesSerialization());
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> SharedIndexInformer<T> only(
      KindCache<T> cache) {
    assertThat(cache.informers()).hasSize(1);
    return cache.informers().get(0);
  }
}
