package io.servicerouter.operator.cache;

import static io.servicerouter.operator.cache.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeanItemStoreTest {

  private static ServiceRoute route() {
    ServiceRoute route = object(ServiceRoute.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        metadata:
          name: web
          namespace: shop
          labels: {team: a}
          annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}", note: kept}
        spec: {serviceName: web, gatewayName: gw, environment: prod, application: shop}
        """);
    route.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl").build()));
    route.setStatus(new ServiceRouteStatus());
    return route;
  }

  @Test
  void sharedCachesKeepSpecAndStatusButNoManagedFieldsOrLastAppliedConfiguration() {
    LeanItemStore<ServiceRoute> store = LeanItemStore.withoutManagedFields();
    store.put("shop/web", route());

    ServiceRoute stored = store.get("shop/web");
    assertThat(stored.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(stored.getMetadata().getAnnotations()).containsOnlyKeys("note");
    assertThat(stored.getMetadata().getLabels()).containsEntry("team", "a");
    assertThat(stored.getSpec().getServiceName()).isEqualTo("web");
    assertThat(stored.getStatus()).isNotNull();
  }

  @Test
  void josdkCopiesKeepOnlyTheMetadata() {
    LeanItemStore<ServiceRoute> store = LeanItemStore.metadataOnly();
    store.put("shop/web", route());

    ServiceRoute stored = store.get("shop/web");
    assertThat(stored.getSpec()).isNull();
    assertThat(stored.getStatus()).isNull();
    assertThat(stored.getMetadata().getName()).isEqualTo("web");
    assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(stored.getMetadata().getManagedFields()).isNullOrEmpty();
  }
}
