package io.servicerouter.operator.events;

import static io.servicerouter.operator.events.MapperFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An echo is the next version of the object whose only change is exactly the status being written; any version
 * seen uses the record up.
 */
class StatusEchoesTest {

  private final StatusEchoes echoes = new StatusEchoes();
  private final ServiceRoute stored = web("6", 2L, "Pending");

  @Test
  void theNextVersionWithExactlyTheWrittenStatusIsAnEchoOnce() {
    echoes.writing(stored, status("Active"));

    assertThat(echoes.isEcho(stored, web("7", 2L, "Active"))).isTrue();
    assertThat(echoes.isEcho(stored, web("7", 2L, "Active"))).as("a second time").isFalse();
  }

  @Test
  void anotherStatusIsNoEchoAndUsesTheRecordUp() {
    echoes.writing(stored, status("Active"));

    assertThat(echoes.isEcho(stored, web("7", 2L, "Failed"))).as("edited by hand").isFalse();
    assertThat(echoes.isEcho(stored, web("8", 2L, "Active"))).as("after another version").isFalse();
  }

  @Test
  void aVersionWithANewSpecOrLabelsIsNoEcho() {
    echoes.writing(stored, status("Active"));
    assertThat(echoes.isEcho(stored, web("7", 3L, "Active"))).as("a new generation").isFalse();

    echoes.writing(stored, status("Active"));
    ServiceRoute labelled = web("7", 2L, "Active");
    labelled.getMetadata().setLabels(Map.of("team", "a"));
    assertThat(echoes.isEcho(stored, labelled)).as("new labels").isFalse();
  }

  @Test
  void otherObjectsKindsAndUnwrittenStatusesAreNoEchoes() {
    echoes.writing(stored, status("Active"));
    assertThat(echoes.isEcho(stored, version(route("shop", "api", "api", "gw"), "7", 2L, status("Active"))))
        .as("another route").isFalse();
    DNSPolicy policy = new DNSPolicy();
    policy.getMetadata().setNamespace("shop");
    policy.getMetadata().setName("web");
    policy.getMetadata().setResourceVersion("7");
    assertThat(echoes.isEcho(policy, policy)).as("another kind").isFalse();

    echoes.notWritten(stored);
    assertThat(echoes.isEcho(stored, web("7", 2L, "Active"))).as("a write that did not happen").isFalse();
  }

  /** The route shop/web at {@code resourceVersion} and {@code generation} with a status in {@code phase}. */
  private static ServiceRoute web(String resourceVersion, long generation, String phase) {
    return version(route("shop", "web", "web", "gw"), resourceVersion, generation, status(phase));
  }

  private static ServiceRouteStatus status(String phase) {
    ServiceRouteStatus status = new ServiceRouteStatus();
    status.setPhase(phase);
    status.setObservedGeneration(2L);
    return status;
  }

  private static ServiceRoute version(ServiceRoute route, String resourceVersion, long generation,
      ServiceRouteStatus status) {
    route.getMetadata().setResourceVersion(resourceVersion);
    route.getMetadata().setGeneration(generation);
    route.setStatus(status);
    return route;
  }
}
