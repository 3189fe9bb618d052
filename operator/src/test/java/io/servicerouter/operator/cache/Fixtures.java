package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Json;
import java.util.UUID;

/** Builds input objects from YAML, with the uid, resourceVersion and creationTimestamp a live cluster sets. */
public final class Fixtures {

  private static int clock;

  private Fixtures() {}

  /** Parses one object of the given type and gives it cluster-assigned metadata. */
  public static <T extends HasMetadata> T object(Class<T> type, String yaml) {
    T object = Json.read(yaml, type);
    object.getMetadata().setUid(UUID.randomUUID().toString());
    object.getMetadata().setResourceVersion("1");
    object.getMetadata().setGeneration(1L);
    object.getMetadata().setCreationTimestamp(String.format("2026-01-01T00:%02d:%02dZ", (clock / 60) % 60, clock % 60));
    clock++;
    return object;
  }
}
