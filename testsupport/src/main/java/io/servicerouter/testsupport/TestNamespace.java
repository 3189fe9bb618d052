package io.servicerouter.testsupport;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A namespace of its own for a test class or test, with a random suffix so that tests sharing one control
 * plane never see each other's objects; deleted (not awaited) on close.
 */
public final class TestNamespace implements AutoCloseable {

  private final KubernetesClient client;
  private final String name;

  private TestNamespace(KubernetesClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** Creates {@code <prefix>-<5 random hex digits>}. */
  public static TestNamespace create(KubernetesClient client, String prefix) {
    String name = prefix + "-" + String.format("%05x", ThreadLocalRandom.current().nextInt(0x100000));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return new TestNamespace(client, name);
  }

  /** The namespace's name. */
  public String name() {
    return name;
  }

  /** Requests the namespace's deletion; the namespace controller removes its content afterwards. */
  @Override
  public void close() {
    client.namespaces().withName(name).delete();
  }
}
