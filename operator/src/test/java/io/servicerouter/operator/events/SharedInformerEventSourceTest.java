package io.servicerouter.operator.events;

import static io.servicerouter.operator.events.MapperFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteStatus;
import io.servicerouter.operator.cache.InMemoryCaches;
import io.servicerouter.operator.gateway.GatewayOfRouteMapper;
import io.servicerouter.planner.Options;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedInformerEventSourceTest {

  private final List<ResourceID> triggered = new ArrayList<>();
  private final SharedInformerEventSource<ServiceRoute, Gateway> source = new SharedInformerEventSource<>("routes",
      ServiceRoute.class, new InMemoryCaches(Options.DEFAULTS).caches().routes(),
      List.of(new GatewayOfRouteMapper(Options.DEFAULTS)), Updates.SPEC_CHANGES, (before, after) -> false);

  SharedInformerEventSourceTest() {
    source.setEventHandler(event -> triggered.add(event.getRelatedCustomResourceID()));
  }

  @Test
  void aChangeTriggersThePrimariesOfTheOldAndTheNewState() {
    source.start();
    ServiceRoute before = route("a", "web", "web", "old");
    before.getMetadata().setGeneration(1L);
    ServiceRoute after = route("a", "web", "web", "new");
    after.getMetadata().setGeneration(2L);
    after.getMetadata().setResourceVersion("2");

    source.handler().onUpdate(before, after);

    assertThat(triggered).containsExactlyInAnyOrder(
        new ResourceID("old", "istio-system"), new ResourceID("new", "istio-system"));
  }

  @Test
  void aResyncWithTheSameResourceVersionTriggersNothing() {
    source.start();
    ServiceRoute route = route("a", "web", "web", "gw");

    source.handler().onUpdate(route, route);

    assertThat(triggered).isEmpty();
  }

  @Test
  void aStatusOnlyChangeOfAnObjectWithAGenerationTriggersNothingWhenOnlySpecChangesCount() {
    source.start();
    ServiceRoute before = route("a", "web", "web", "gw");
    before.getMetadata().setGeneration(3L);
    ServiceRoute after = route("a", "web", "web", "gw");
    after.getMetadata().setGeneration(3L);
    after.getMetadata().setResourceVersion("2");

    source.handler().onUpdate(before, after);

    assertThat(triggered).isEmpty();
  }

  @Test
  void theEchoOfTheControllersOwnStatusWriteTriggersNothingButAnyOtherVersionDoes() {
    StatusEchoes echoes = new StatusEchoes();
    SharedInformerEventSource<ServiceRoute, ServiceRoute> itself = new SharedInformerEventSource<>("itself",
        ServiceRoute.class, new InMemoryCaches(Options.DEFAULTS).caches().routes(), List.of(new ItselfMapper()),
        Updates.EVERY_VERSION, echoes::isEcho);
    itself.setEventHandler(event -> triggered.add(event.getRelatedCustomResourceID()));
    itself.start();
    ServiceRoute stored = version(route("a", "web", "web", "gw"), "4", "Pending");
    ServiceRoute written = version(route("a", "web", "web", "gw"), "5", "Active");
    ServiceRoute editedByHand = version(route("a", "web", "web", "gw"), "6", "Failed");
    echoes.writing(stored, written.getStatus());

    itself.handler().onUpdate(stored, written);
    assertThat(triggered).as("the echo").isEmpty();

    itself.handler().onUpdate(written, editedByHand);
    assertThat(triggered).as("a later version").containsExactly(new ResourceID("web", "a"));
  }

  private static ServiceRoute version(ServiceRoute route, String resourceVersion, String phase) {
    route.getMetadata().setResourceVersion(resourceVersion);
    route.getMetadata().setGeneration(1L);
    ServiceRouteStatus status = new ServiceRouteStatus();
    status.setPhase(phase);
    route.setStatus(status);
    return route;
  }

  @Test
  void nothingIsTriggeredBeforeTheSourceIsStarted() {
    source.handler().onAdd(route("a", "web", "web", "gw"));

    assertThat(triggered).isEmpty();
  }

  @Test
  void additionsAndDeletionsTriggerTheirPrimaries() {
    source.start();

    source.handler().onAdd(route("a", "web", "web", "one"));
    source.handler().onDelete(route("a", "api", "api", "two"), false);

    assertThat(triggered).containsExactly(new ResourceID("one", "istio-system"), new ResourceID("two", "istio-system"));
  }
}
