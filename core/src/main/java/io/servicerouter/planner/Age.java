package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * The "older" order of SPEC §0 and §6.1: by creationTimestamp, objects with one before objects without;
 * among objects without a timestamp by input position (renderer); then by (namespace, name) in byte order.
 * The minimum of this order is "the oldest".
 */
public final class Age implements Comparator<HasMetadata> {

  private final Map<HasMetadata, Integer> inputPositions;

  private Age(Map<HasMetadata, Integer> inputPositions) {
    this.inputPositions = inputPositions;
  }

  /** The order of a live cluster, where every object has a creationTimestamp. */
  public static Age byCreation() {
    return new Age(Map.of());
  }

  /**
   * The renderer's order: objects without a timestamp are ordered by their input position.
   *
   * @param inputPositions position of each input object (an identity map)
   */
  public static Age byCreationThenInput(Map<HasMetadata, Integer> inputPositions) {
    return new Age(inputPositions);
  }

  @Override
  public int compare(HasMetadata a, HasMetadata b) {
    Instant ta = created(a);
    Instant tb = created(b);
    if (ta != null && tb != null) {
      int byTime = ta.compareTo(tb);
      if (byTime != 0) {
        return byTime;
      }
    } else if (ta != null || tb != null) {
      return ta != null ? -1 : 1;
    } else {
      Integer pa = inputPositions.get(a);
      Integer pb = inputPositions.get(b);
      if (pa != null && pb != null && !pa.equals(pb)) {
        return Integer.compare(pa, pb);
      }
    }
    return ObjectKey.of(a).compareTo(ObjectKey.of(b));
  }

  private static Instant created(HasMetadata object) {
    String timestamp = object.getMetadata().getCreationTimestamp();
    return timestamp == null || timestamp.isEmpty() ? null : Instant.parse(timestamp);
  }
}
