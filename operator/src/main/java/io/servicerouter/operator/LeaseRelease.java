package io.servicerouter.operator;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the leader election Lease up on shutdown (SPEC §7.1: exit 0 after releasing the Lease), so that a
 * standby takes over at once instead of after the lease duration. JOSDK does not release it itself.
 */
final class LeaseRelease {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseRelease.class);

  private LeaseRelease() {}

  /** Clears the holder of the Lease if {@code identity} holds it, as client-go's {@code ReleaseOnCancel} does. */
  static void release(KubernetesClient client, OperatorSettings.Lease lease, String identity) {
    try {
      Lease current = client.resources(Lease.class).inNamespace(lease.namespace()).withName(lease.name()).get();
      if (current == null || current.getSpec() == null || !identity.equals(current.getSpec().getHolderIdentity())) {
        return;
      }
      current.getSpec().setHolderIdentity(null);
      current.getSpec().setLeaseDurationSeconds(1);
      client.resource(current).update();
      LOG.info("released Lease {}/{}", lease.namespace(), lease.name());
    } catch (KubernetesClientException e) {
      LOG.warn("Lease {}/{} not released: {}", lease.namespace(), lease.name(), e.getMessage());
    }
  }
}
