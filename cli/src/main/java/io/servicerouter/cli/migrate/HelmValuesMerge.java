package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Merges values files the way {@code helm -f a.yaml -f b.yaml} does: mappings are merged key by key, a
 * later file's value wins, and lists (like any other value) are replaced as a whole.
 */
final class HelmValuesMerge {

  private HelmValuesMerge() {}

  /** A new mapping: {@code base} overlaid with {@code overlay}; neither argument is modified. */
  static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
    ObjectNode merged = base.deepCopy();
    for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
      JsonNode current = merged.get(entry.getKey());
      if (current instanceof ObjectNode currentMapping && entry.getValue() instanceof ObjectNode overlayMapping) {
        merged.set(entry.getKey(), merge(currentMapping, overlayMapping));
      } else {
        merged.set(entry.getKey(), entry.getValue().deepCopy());
      }
    }
    return merged;
  }
}
