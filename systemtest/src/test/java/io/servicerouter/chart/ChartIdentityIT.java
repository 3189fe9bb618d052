package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.testsupport.ChartIdentity;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Least privilege of the chart's ServiceAccount, with a real token against a real API server: it reads what the
 * operator reads, and is refused Secrets, ConfigMaps, changes to CRDs and Leases outside the release namespace.
 * (That it is enough is shown by the operator's lifecycle tests, which all run with this identity, and by the
 * image test.)
 */
@ExtendWith(ControlPlaneExtension.class)
class ChartIdentityIT {

  private static KubernetesClient operator;

  @BeforeAll
  static void connect() {
    operator = ChartIdentity.client(ControlPlaneExtension.shared());
  }

  @AfterAll
  static void close() {
    operator.close();
  }

  @Test
  void readsWhatTheOperatorReads() {
    assertThat(operator.resources(ServiceRoute.class).inAnyNamespace().list().getItems()).isNotNull();
    assertThat(operator.services().inAnyNamespace().list().getItems()).isNotNull();
    assertThat(operator.apiextensions().v1().customResourceDefinitions()
        .withName("serviceroutes.routing.router.io").get()).isNotNull();
  }

  @Test
  void cannotReadSecretsOrConfigMaps() {
    assertForbidden(() -> operator.secrets().inAnyNamespace().list());
    assertForbidden(() -> operator.secrets().inNamespace(ChartIdentity.NAMESPACE).list());
    assertForbidden(() -> operator.secrets().inNamespace("kube-system").withName("any").get());
    assertForbidden(() -> operator.configMaps().inNamespace(ChartIdentity.NAMESPACE).list());
  }

  @Test
  void cannotChangeCrdsOrListThem() {
    assertForbidden(() -> operator.apiextensions().v1().customResourceDefinitions().list());
    assertForbidden(() -> operator.apiextensions().v1().customResourceDefinitions()
        .withName("serviceroutes.routing.router.io").delete());
  }

  @Test
  void writesLeasesOnlyInTheReleaseNamespace(ControlPlane controlPlane) {
    Lease lease = new LeaseBuilder().withNewMetadata().withName("chart-identity-it").endMetadata()
        .withNewSpec().withHolderIdentity("test").endSpec().build();
    Lease created = operator.leases().inNamespace(ChartIdentity.NAMESPACE).resource(lease).create();
    try {
      assertThat(operator.leases().inNamespace(ChartIdentity.NAMESPACE).withName("chart-identity-it")
          .edit(l -> new LeaseBuilder(l).editSpec().withHolderIdentity("other").endSpec().build())
          .getSpec().getHolderIdentity()).isEqualTo("other");
    } finally {
      controlPlane.client().resource(created).delete();
    }
    assertForbidden(() -> operator.leases().inNamespace("default").resource(lease).create());
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getCode()).as(e.getMessage()).isEqualTo(403));
  }
}
