package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.planner.ObjectKey;

/** How log lines name an object: {@code namespace/name}, or {@code name} for cluster-scoped objects. */
public final class Keys {

  private Keys() {}

  /** The log name of an object. */
  public static String of(HasMetadata object) {
    return ObjectKey.of(object).toString();
  }
}
