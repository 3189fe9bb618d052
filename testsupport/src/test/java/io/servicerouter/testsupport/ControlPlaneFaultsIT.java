package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control plane's fault injection on a control plane of its own (the shared one stays undisturbed): an API
 * server restart keeps the URL, existing clients and informers working; an etcd outage makes requests fail
 * until etcd is back, and loses nothing.
 */
@ExtendWith(ControlPlaneExtension.class)
class ControlPlaneFaultsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /**
   * The request timeout of the client used during the etcd outage: the API server itself answers a write 504
   * Timeout only after about 34 s, a read after 60 s.
   */
  private static final int OUTAGE_REQUEST_TIMEOUT_MILLIS = 3_000;
  /** The etcd outage of the scenario. */
  private static final Duration OUTAGE = Duration.ofSeconds(10);
  private static ControlPlane controlPlane;

  @BeforeAll
  static void start() {
    controlPlane = ControlPlane.start("faults");
  }

  @AfterAll
  static void stop() {
    if (controlPlane != null) {
      controlPlane.close();
    }
  }

  @Test
  void apiServerRestartKeepsClientsAndInformersWorking() {
    KubernetesClient client = controlPlane.client();
    try (TestNamespace namespace = TestNamespace.create(client, "restart")) {
      Set<String> informed = ConcurrentHashMap.newKeySet();
      SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace(namespace.name())
          .inform(new Added(informed));
      try (informer) {
        client.resource(configMap(namespace.name(), "before")).create();
        await("informer sees 'before'").atMost(TIMEOUT).until(() -> informed.contains("before"));
        long oldPid = controlPlane.processIds().get("kube-apiserver");

        long t0 = System.nanoTime();
        controlPlane.restartApiServer();
        Duration restart = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(controlPlane.processIds().get("kube-apiserver")).isNotEqualTo(oldPid);
        assertThat(controlPlane.isRunning()).isTrue();
        client.resource(configMap(namespace.name(), "after")).create();
        long t1 = System.nanoTime();
        await("informer sees 'after'").atMost(TIMEOUT).until(() -> informed.contains("after"));
        report("kube-apiserver restart: %d ms; informer event %d ms after the first write", restart.toMillis(),
            Duration.ofNanos(System.nanoTime() - t1).toMillis());
      }
    }
  }

  @Test
  void requestsFailWhileEtcdIsStoppedAndSucceedAfterItsRestart() {
    KubernetesClient client = controlPlane.client();
    try (TestNamespace namespace = TestNamespace.create(client, "etcd");
        KubernetesClient impatient = impatientClient()) {
      client.resource(configMap(namespace.name(), "before")).create();

      long t0 = System.nanoTime();
      controlPlane.stopEtcd();
      long stopped = System.nanoTime();
      long starting;
      try {
        assertThat(controlPlane.isRunning()).isFalse();
        assertThatThrownBy(() -> impatient.resource(configMap(namespace.name(), "during")).create())
            .isInstanceOf(KubernetesClientException.class)
            .hasCauseInstanceOf(IOException.class);
        ManagedProcess.sleep(OUTAGE.minus(Duration.ofNanos(System.nanoTime() - stopped)));
      } finally {
        starting = System.nanoTime();
        controlPlane.startEtcd();
      }
      long ready = System.nanoTime();

      assertThat(controlPlane.isRunning()).isTrue();
      // With the default request timeout: right after /readyz the first write can take longer than the
      // impatient client's 3 s on this 2-core machine (one fresh-clone CI run timed out there).
      client.resource(configMap(namespace.name(), "after")).create();
      assertThat(client.configMaps().inNamespace(namespace.name()).withName("before").get()).isNotNull();
      report("etcd kill: %d ms; outage %d ms; etcd start until the API server is ready: %d ms",
          Duration.ofNanos(stopped - t0).toMillis(), Duration.ofNanos(starting - stopped).toMillis(),
          Duration.ofNanos(ready - starting).toMillis());
    }
  }

  private static KubernetesClient impatientClient() {
    Config config = new Kubeconfig(controlPlane.userKubeconfig("impatient")).clientConfig();
    config.setRequestTimeout(OUTAGE_REQUEST_TIMEOUT_MILLIS);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static ConfigMap configMap(String namespace, String name) {
    return new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata().build();
  }

  private static void report(String format, Object... args) {
    System.out.println("ControlPlaneFaultsIT: " + String.format(Locale.ROOT, format, args));
  }

  /** Records the names of the objects an informer reports added. */
  private record Added(Set<String> names) implements ResourceEventHandler<ConfigMap> {
    @Override
    public void onAdd(ConfigMap object) {
      names.add(object.getMetadata().getName());
    }

    @Override
    public void onUpdate(ConfigMap oldObject, ConfigMap newObject) {}

    @Override
    public void onDelete(ConfigMap object, boolean deletedFinalStateUnknown) {}
  }
}
