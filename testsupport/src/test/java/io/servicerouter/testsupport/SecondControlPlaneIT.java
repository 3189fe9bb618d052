package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.TestDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second control plane runs beside the shared one without sharing anything (the set-up of two-cluster
 * tests), stops completely when closed, and can be started again under the same name.
 */
@ExtendWith(ControlPlaneExtension.class)
class SecondControlPlaneIT {

  private static final int RESTARTS = 3;

  @Test
  void secondControlPlaneIsIndependentOfTheSharedOne(ControlPlane shared) {
    ControlPlane second = ControlPlane.start("second");
    try (second) {
      second.client().namespaces().resource(
          new NamespaceBuilder().withNewMetadata().withName("only-in-second").endMetadata().build()).create();

      assertThat(second.serverUrl()).isNotEqualTo(shared.serverUrl());
      assertThat(shared.client().namespaces().withName("only-in-second").get()).isNull();
      assertThat(second.client().resources(ServiceRoute.class).inAnyNamespace().list().getItems()).isEmpty();
    }
    assertThat(second.isRunning()).isFalse();
  }

  @Test
  void restartTimeIsMeasured(ControlPlane shared) throws IOException {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < RESTARTS; i++) {
      try (ControlPlane again = ControlPlane.start("restarted")) {
        assertThat(again.isRunning()).isTrue();
        millis.add(again.startupTime().toMillis());
      }
    }
    long median = millis.stream().sorted().toList().get(RESTARTS / 2);
    String report = String.format(Locale.ROOT,
        "control plane start-up: shared %d ms; later starts in the same JVM: median %d ms of %s%n",
        shared.startupTime().toMillis(), median, millis);
    System.out.print(report);
    Files.writeString(TestDirectories.logRoot().resolve("startup-time.txt"), report);
  }
}
