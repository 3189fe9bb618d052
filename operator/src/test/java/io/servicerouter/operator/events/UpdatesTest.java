package io.servicerouter.operator.events;

import static io.servicerouter.operator.events.MapperFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.model.cluster.AdoptedRegion;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdatesTest {

  private static ServiceRoute version(long generation, String resourceVersion) {
    ServiceRoute route = route("team", "web", "web", "gw");
    route.getMetadata().setGeneration(generation);
    route.getMetadata().setResourceVersion(resourceVersion);
    return route;
  }

  @Test
  void aStatusOnlyChangeReachesEveryVersionTriggersButNotSpecChangeTriggers() {
    ServiceRoute before = version(1, "10");
    ServiceRoute after = version(1, "11");

    assertThat(Updates.EVERY_VERSION.relevant(before, after)).isTrue();
    assertThat(Updates.SPEC_CHANGES.relevant(before, after)).isFalse();
  }

  @Test
  void aNewGenerationLabelsOrADeletionTimestampAreSpecChanges() {
    ServiceRoute before = version(1, "10");
    ServiceRoute newSpec = version(2, "11");
    ServiceRoute labelled = version(1, "11");
    labelled.getMetadata().setLabels(Map.of("team", "a"));
    ServiceRoute deleting = version(1, "11");
    deleting.getMetadata().setDeletionTimestamp("2026-11-22T00:00:00Z");

    assertThat(Updates.SPEC_CHANGES.relevant(before, newSpec)).isTrue();
    assertThat(Updates.SPEC_CHANGES.relevant(before, labelled)).isTrue();
    assertThat(Updates.SPEC_CHANGES.relevant(before, deleting)).isTrue();
  }

  @Test
  void newAutomaticallyAdoptedRegionsAreASpecChangeOtherClusterIdentityStatusChangesAreNot() {
    ClusterIdentity before = identity("10", null);
    ClusterIdentity adopted = identity("11", List.of(new AdoptedRegion("weu", 2L, "2026-12-06T05:00:00Z")));
    ClusterIdentity phaseOnly = identity("11", null);
    phaseOnly.getStatus().setPhase("Active");

    assertThat(Updates.SPEC_CHANGES.relevant(before, adopted)).isTrue();
    assertThat(Updates.SPEC_CHANGES.relevant(adopted, before)).as("the adoption ends").isTrue();
    assertThat(Updates.SPEC_CHANGES.relevant(before, phaseOnly)).isFalse();
  }

  private static ClusterIdentity identity(String resourceVersion, List<AdoptedRegion> adopted) {
    ClusterIdentity identity = new ClusterIdentity();
    identity.setMetadata(new ObjectMetaBuilder().withName("cluster-identity").withGeneration(1L)
        .withResourceVersion(resourceVersion).build());
    identity.setStatus(new ClusterIdentityStatus());
    identity.getStatus().setAdoptedRegions(adopted);
    return identity;
  }

  @Test
  void everyVersionOfAnObjectWithoutGenerationIsASpecChange() {
    Namespace before = new NamespaceBuilder().withNewMetadata().withName("team").withResourceVersion("1").endMetadata().build();
    Namespace after = new NamespaceBuilder().withNewMetadata().withName("team").withResourceVersion("2").endMetadata().build();

    assertThat(Updates.SPEC_CHANGES.relevant(before, after)).isTrue();
  }

  @Test
  void aResyncOfTheSameVersionIsNeverRelevant() {
    ServiceRoute route = version(1, "10");

    assertThat(Updates.EVERY_VERSION.relevant(route, route)).isFalse();
    assertThat(Updates.SPEC_CHANGES.relevant(route, route)).isFalse();
  }
}
