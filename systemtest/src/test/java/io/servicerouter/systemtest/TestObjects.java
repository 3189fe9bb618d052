package io.servicerouter.systemtest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.testsupport.TestNamespace;
import java.util.ArrayList;
import java.util.List;

/**
 * What a system test creates on the shared control plane, removed in reverse order when closed: namespaces (with
 * everything in them), cluster-scoped objects, and any other resource the test registers.
 */
final class TestObjects implements AutoCloseable {

  private final KubernetesClient client;
  private final List<AutoCloseable> created = new ArrayList<>();

  TestObjects(KubernetesClient client) {
    this.client = client;
  }

  /** A new namespace {@code <prefix>-<random>}. */
  TestNamespace namespace(String prefix) {
    return add(TestNamespace.create(client, prefix));
  }

  /** Creates the object of the YAML; a cluster-scoped one is deleted on close (namespaced ones go with their namespace). */
  <T extends HasMetadata> T created(String yaml, Class<T> type) {
    T object = client.resource(client.getKubernetesSerialization().unmarshal(yaml, type)).create();
    if (object.getMetadata().getNamespace() == null) {
      created.add(() -> client.resource(object).delete());
    }
    return object;
  }

  /** Registers a resource to close (before everything registered earlier). */
  <T extends AutoCloseable> T add(T resource) {
    created.add(resource);
    return resource;
  }

  @Override
  public void close() throws Exception {
    for (int i = created.size() - 1; i >= 0; i--) {
      created.get(i).close();
    }
  }
}
