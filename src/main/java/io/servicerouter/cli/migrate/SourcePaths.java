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
   * The values path of a field: the source recorded for the field itself or for its closest recorded
   * ancestor ({@code spec.externalDNSControllers[1]} for {@code spec.externalDNSControllers[1].name}), else
   * the object's origin.
   */
  ValuesPath sourceOf(String field) {
    for (String candidate = field; !candidate.isEmpty(); candidate = parent(candidate)) {
      ValuesPath source = byField.get(candidate);
      if (source != null) {
        return source;
      }
    }
    return origin;
  }

  private static String parent(String field) {
    int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
    return cut < 0 ? "" : field.substring(0, cut);
  }
}
