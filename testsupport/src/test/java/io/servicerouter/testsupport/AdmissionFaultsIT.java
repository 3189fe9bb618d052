package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.servicerouter.model.externaldns.DNSEndpoint;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admission webhook of {@link AdmissionFaults} on the real API server: a refusal reaches a fabric8 client as
 * the chosen HTTP status and reason, only for the matching user and only as often as asked; a default-configured
 * fabric8 client retries a 500 by itself; an object created while a write waits for admission makes that write
 * fail with 409 AlreadyExists and stays untouched.
 */
@ExtendWith(ControlPlaneExtension.class)
class AdmissionFaultsIT {

  private static final String WRITER = "faults-writer";
  private static final String OTHER = "faults-other";

  @ParameterizedTest
  @CsvSource({"409, Conflict", "500, InternalError"})
  void refusedCreateReachesTheClientWithTheChosenStatus(int code, String reason, ControlPlane controlPlane) {
    try (TestNamespace namespace = TestNamespace.create(controlPlane.client(), "faults-" + code);
        AdmissionFaults faults = controlPlane.admissionFaults(AdmissionFaults.DNS_ENDPOINTS);
        KubernetesClient writer = controlPlane.clientAs(WRITER);
        KubernetesClient other = controlPlane.clientAs(OTHER)) {
      faults.failNext(AdmissionMatch.any().withUser(WRITER).withOperation("CREATE"), 1, code, "injected");

      other.resource(endpoint(namespace, "other", "gw.example.org")).create();
      KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
          () -> writer.resource(endpoint(namespace, "web", "gw.example.org")).create());
      writer.resource(endpoint(namespace, "web", "gw.example.org")).create();

      assertThat(refused.getCode()).isEqualTo(code);
      assertThat(refused.getStatus().getReason()).isEqualTo(reason);
      assertThat(refused.getStatus().getMessage())
          .isEqualTo("admission webhook \"" + AdmissionFaults.WEBHOOK_NAME + "\" denied the request: injected");
      assertThat(faults.seen(WRITER, "CREATE")).isEqualTo(2);
      assertThat(faults.denied(WRITER, "CREATE")).isEqualTo(1);
      assertThat(faults.seen(OTHER, "CREATE")).isEqualTo(1);
      assertThat(faults.denied(OTHER, "CREATE")).isZero();
    }
  }

  @Test
  void defaultFabric8ClientRetriesAnInternalErrorByItself(ControlPlane controlPlane) {
    String user = "faults-retrying";
    Config retrying = Config.fromKubeconfig(controlPlane.userKubeconfig(user).toFile());
    try (TestNamespace namespace = TestNamespace.create(controlPlane.client(), "faults-retry");
        AdmissionFaults faults = controlPlane.admissionFaults(AdmissionFaults.DNS_ENDPOINTS);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(retrying).build()) {
      faults.failNext(AdmissionMatch.any().withUser(user), 2, 500, "injected");

      client.resource(endpoint(namespace, "web", "gw.example.org")).create();

      assertThat(faults.seen(user, "CREATE")).isEqualTo(3);
      assertThat(faults.denied(user, "CREATE")).isEqualTo(2);
    }
  }

  @Test
  void objectCreatedWhileTheWriteWaitsForAdmissionWinsAndStaysUntouched(ControlPlane controlPlane) {
    KubernetesClient admin = controlPlane.client();
    try (TestNamespace namespace = TestNamespace.create(admin, "faults-race");
        AdmissionFaults faults = controlPlane.admissionFaults(AdmissionFaults.DNS_ENDPOINTS);
        KubernetesClient writer = controlPlane.clientAs(WRITER)) {
      AtomicReference<DNSEndpoint> foreign = new AtomicReference<>();
      faults.beforeAdmit(AdmissionMatch.any().withUser(WRITER).withOperation("CREATE").withName("web"),
          request -> foreign.set(admin.resource(endpoint(namespace, "web", "foreign.example.org")).create()));

      KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
          () -> writer.resource(endpoint(namespace, "web", "gw.example.org")).create());

      assertThat(refused.getCode()).isEqualTo(409);
      assertThat(refused.getStatus().getReason()).isEqualTo("AlreadyExists");
      DNSEndpoint stored = admin.resources(DNSEndpoint.class).inNamespace(namespace.name()).withName("web").get();
      assertThat(stored.getMetadata().getResourceVersion())
          .isEqualTo(foreign.get().getMetadata().getResourceVersion());
      assertThat(stored.getSpec().getEndpoints().get(0).getTargets()).containsExactly("foreign.example.org");
      assertThat(faults.seen(WRITER, "CREATE")).isEqualTo(1);
      assertThat(faults.denied(WRITER, "CREATE")).isZero();
    }
  }

  private static DNSEndpoint endpoint(TestNamespace namespace, String name, String target) {
    return DnsEndpoints.cname(namespace.name(), name, name + ".weu.example.test", target);
  }
}
