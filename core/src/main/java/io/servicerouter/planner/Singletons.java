package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.Optional;

/** The "oldest is authoritative" rule of SPEC §3.2, shared by ClusterIdentity, DNSConfiguration and DNSPolicy. */
final class Singletons {

  private Singletons() {}

  /** The oldest of the objects, if any. */
  static <T extends HasMetadata> Optional<T> oldest(Collection<T> objects, Age age) {
    return objects.stream().min(age);
  }
}
