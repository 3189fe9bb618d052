package io.servicerouter.operator.events;

import static io.servicerouter.operator.events.MapperFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import org.junit.jupiter.api.Test;

/** An echo is exactly the version a status write produced, of the same object and kind, and it is seen once. */
class StatusEchoesTest {

  private final StatusEchoes echoes = new StatusEchoes();

  @Test
  void theVersionAWriteProducedIsAnEchoOnce() {
    echoes.wrote(version(route("shop", "web", "web", "gw"), "7"));

    assertThat(echoes.isEcho(version(route("shop", "web", "web", "gw"), "7"))).isTrue();
    assertThat(echoes.isEcho(version(route("shop", "web", "web", "gw"), "7"))).as("a second time").isFalse();
  }

  @Test
  void otherVersionsObjectsAndKindsAreNoEchoes() {
    echoes.wrote(version(route("shop", "web", "web", "gw"), "7"));

    assertThat(echoes.isEcho(version(route("shop", "web", "web", "gw"), "6"))).as("an older version").isFalse();
    assertThat(echoes.isEcho(version(route("shop", "api", "api", "gw"), "7"))).as("another route").isFalse();
    assertThat(echoes.isEcho(version(route("other", "web", "web", "gw"), "7"))).as("another namespace").isFalse();
    DNSPolicy policy = new DNSPolicy();
    policy.getMetadata().setNamespace("shop");
    policy.getMetadata().setName("web");
    assertThat(echoes.isEcho(version(policy, "7"))).as("another kind").isFalse();
    assertThat(echoes.isEcho(version(route("shop", "web", "web", "gw"), "8"))).as("a later version").isFalse();
    assertThat(echoes.isEcho(version(route("shop", "web", "web", "gw"), "7"))).as("the write's own").isTrue();
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T version(T object, String resourceVersion) {
    object.getMetadata().setResourceVersion(resourceVersion);
    return object;
  }
}
