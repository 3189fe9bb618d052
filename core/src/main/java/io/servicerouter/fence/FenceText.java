package io.servicerouter.fence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of the fence's TXT records, {@code v=1 key=value …}: one parser for the lease, the heartbeat and the
 * claim, so a record of another version or with a missing field is refused with the same kind of message.
 */
final class FenceText {

  static final String VERSION = "1";

  private FenceText() {
  }

  /**
   * The fields of {@code text}, checked for the version and the {@code required} keys.
   *
   * @param kind what the record is, for messages ("lease", "heartbeat", "claim")
   * @throws IllegalArgumentException naming what is wrong
   */
  static Map<String, String> fields(String kind, String text, String... required) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : text.trim().split(" +")) {
      int equals = field.indexOf('=');
      if (equals <= 0 || fields.put(field.substring(0, equals), field.substring(equals + 1)) != null) {
        throw new IllegalArgumentException("not a " + kind + " record (field '" + field + "'): " + text);
      }
    }
    if (!VERSION.equals(fields.get("v"))) {
      throw new IllegalArgumentException("a " + kind + " record of version " + fields.get("v")
          + ", this agent reads v=" + VERSION + ": " + text);
    }
    for (String key : required) {
      if (!fields.containsKey(key)) {
        throw new IllegalArgumentException("a " + kind + " record needs " + String.join("= and ", required)
            + "=: " + text);
      }
    }
    return fields;
  }

  /** A non-negative number field. */
  static long number(String kind, Map<String, String> fields, String key, String text) {
    try {
      long value = Long.parseLong(fields.get(key));
      if (value < 0) {
        throw new NumberFormatException("negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a " + kind + " record's " + key + " is not a number: " + text, e);
    }
  }
}
