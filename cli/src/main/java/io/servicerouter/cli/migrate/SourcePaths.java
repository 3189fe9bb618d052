package io.servicerouter.cli.migrate;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the fields of one generated object came from in the values, so that a problem found in the object
 * ({@code spec.region}) is reported at the values path the user has to fix ({@code region}).
 */
final class SourcePaths {

  private final ValuesPath origin;
  private final Map<String, ValuesPath> byField = new HashMap<>();

  /** Starts a mapping whose fields without a more specific source come from {@code origin}. */
  SourcePaths(ValuesPath origin) {
    this.origin = origin;
  }

  /** Records that the object's {@code field} (dotted, list indices in brackets) comes from {@code source}. */
  SourcePaths map(String field, ValuesPath source) {
    byField.put(field, source);
    return this;
  }

  /**
   * The values path of a field: the source recorded for it, else the object's origin (for problems the
   * validator reports on a field the mapping did not set, such as the whole {@code spec}).
   */
  ValuesPath sourceOf(String field) {
    return byField.getOrDefault(field, origin);
  }
}
