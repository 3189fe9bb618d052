package io.servicerouter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.TestNamespace;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated CRDs validate on the real API server as the fixtures say, and the offline validation of
 * {@code servicerouter render} agrees with the API server on every fixture.
 */
@ExtendWith(ControlPlaneExtension.class)
class CrdValidationIT {

  private static KubernetesClient client;
  private static TestNamespace namespace;

  @BeforeAll
  static void createNamespace(ControlPlane controlPlane) {
    client = controlPlane.client();
    namespace = TestNamespace.create(client, "validation");
  }

  @AfterAll
  static void deleteNamespace() {
    if (namespace != null) {
      namespace.close();
    }
  }

  static List<Fixture> invalid() {
    return Fixture.invalid();
  }

  static List<Fixture> valid() {
    return Fixture.valid();
  }

  static List<Fixture> all() {
    return Fixture.all();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidFixtureIsRejectedNamingTheField(Fixture fixture) {
    ApiServerVerdict verdict = ApiServerVerdict.submit(client, fixture.objectIn(namespace.name()));

    assertThat(verdict.accepted()).as(verdict.message()).isFalse();
    assertThat(verdict.fields()).as(verdict.message()).contains(fixture.expectedField().orElseThrow());
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validFixtureIsAccepted(Fixture fixture) {
    ApiServerVerdict verdict = ApiServerVerdict.submit(client, fixture.objectIn(namespace.name()));

    assertThat(verdict.accepted()).as(verdict.message()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("all")
  void offlineValidationAgreesWithTheApiServer(Fixture fixture) {
    OfflineVerdict offline = OfflineVerdict.render(fixture.file());
    ApiServerVerdict server = ApiServerVerdict.submit(client, fixture.objectIn(namespace.name()));

    String both = "render:\n" + offline.stderr() + "API server: " + server.message();
    assertThat(offline.accepted()).as(both).isEqualTo(server.accepted());
    assertThat(offline.fields()).as(both).isEqualTo(server.fields());
  }
}
