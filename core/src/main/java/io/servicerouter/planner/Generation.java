package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** The generation a status reports as observed. */
final class Generation {

  private Generation() {}

  /** {@code metadata.generation}, or 1 when absent (renderer inputs, SPEC §6.1). */
  static long of(HasMetadata object) {
    Long generation = object.getMetadata().getGeneration();
    return generation == null ? 1L : generation;
  }
}
