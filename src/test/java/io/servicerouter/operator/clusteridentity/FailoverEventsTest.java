package io.servicerouter.operator.clusteridentity;

import static io.servicerouter.operator.cache.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.operator.cache.InMemoryCaches;
import io.servicerouter.operator.reconcile.Transitions.Transition;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Plan;
import java.util.IdentityHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverEventsTest {

  private final InMemoryCaches stores = new InMemoryCaches(Options.DEFAULTS);

  private static ClusterIdentityStatus served(String... regions) {
    ClusterIdentityStatus status = new ClusterIdentityStatus();
    status.setServedRegions(List.of(regions));
    return status;
  }

  private static DNSEndpoint routeEndpoint(String name, String region) {
    return object(DNSEndpoint.class, """
        apiVersion: externaldns.k8s.io/v1alpha1
        kind: DNSEndpoint
        metadata:
          name: %s
          namespace: myapp
          labels: {router.io/region: %s}
          ownerReferences: [{apiVersion: routing.router.io/v1alpha1, kind: ServiceRoute, name: web, uid: u1, controller: true}]
        spec: {endpoints: []}
        """.formatted(name, region));
  }

  private static Plan plan(HasMetadata... generated) {
    return new Plan(List.of(generated), new IdentityHashMap<>());
  }

  @Test
  void anAdoptedRegionStartsAFailoverCountingItsDesiredEndpoints() {
    Plan plan = plan(routeEndpoint("web-external-dns-weu", "weu"), routeEndpoint("web-external-dns-neu", "neu"));

    assertThat(FailoverEvents.of(served("neu"), served("neu", "weu"), plan, stores.caches().dnsEndpoints()))
        .containsExactly(new Transition("Normal", "FailoverStarted", "Adopting region weu: 1 DNSEndpoints added"));
  }

  @Test
  void aReleasedRegionEndsTheFailoverCountingItsExistingEndpoints() {
    stores.put(routeEndpoint("web-external-dns-weu", "weu"), routeEndpoint("api-external-dns-weu", "weu"));

    assertThat(FailoverEvents.of(served("neu", "weu"), served("neu"), plan(), stores.caches().dnsEndpoints()))
        .containsExactly(new Transition("Normal", "FailoverEnded", "Releasing region weu: 2 DNSEndpoints removed"));
  }

  @Test
  void unchangedAdoptionAnnouncesNothing() {
    assertThat(FailoverEvents.of(served("neu", "weu"), served("neu", "weu"), plan(), stores.caches().dnsEndpoints()))
        .isEmpty();
    assertThat(FailoverEvents.of(null, served("neu"), plan(), stores.caches().dnsEndpoints())).isEmpty();
  }
}
