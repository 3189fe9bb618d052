package io.servicerouter.operator.zonelease;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether this cluster's API server answers {@code /readyz} now, within a bound: a cluster whose control plane is
 * down must stop renewing its zones' heartbeats (so that a standby sees it fail) and must not take zones over.
 */
final class ControlPlaneCheck {

  private final KubernetesClient client;

  ControlPlaneCheck(KubernetesClient client) {
    this.client = client;
  }

  /** True when {@code /readyz} answered "ok" within {@code timeout}. */
  boolean up(Duration timeout) {
    try {
      String answer = CompletableFuture.supplyAsync(() -> client.raw(readyz()))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return answer != null && answer.trim().equals("ok");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private String readyz() {
    try {
      return client.getMasterUrl().toURI().resolve("/readyz").toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("the API server URL is not a URI: " + client.getMasterUrl(), e);
    }
  }
}
