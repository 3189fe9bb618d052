package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the fields the schema does not declare, as the API server's structural pruning does: in an object a
 * key is kept if it is a declared property or additionalProperties allows it; a value that is not of the
 * schema's type is pruned against the schema all the same (so the keys of a map where a string is expected
 * are dropped), and below a list without item schema every key is unknown.
 */
final class Pruning {

  /** Root fields every object keeps although the CRD schema does not declare them. */
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private Pruning() {}

  /** Prunes the object in place and adds the path of every dropped field to {@code unknown}. */
  static void prune(ObjectNode object, SchemaNode schema, List<String> unknown) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!ROOT_FIELDS.contains(entry.getKey())) {
        pruneField(it, entry, schema, Paths.ROOT, unknown);
      }
    }
  }

  private static void prune(JsonNode value, SchemaNode schema, String path, List<String> unknown) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
        pruneField(it, it.next(), schema, path, unknown);
      }
    } else if (value.isArray()) {
      SchemaNode items = schema == null ? null : schema.items;
      for (int i = 0; i < value.size(); i++) {
        prune(value.get(i), items, Paths.index(path, i), unknown);
      }
    }
  }

  private static void pruneField(Iterator<Map.Entry<String, JsonNode>> it, Map.Entry<String, JsonNode> entry,
      SchemaNode schema, String path, List<String> unknown) {
    String fieldPath = Paths.child(path, entry.getKey());
    SchemaNode child = schema == null ? null : schema.child(entry.getKey());
    if (child == null) {
      unknown.add(fieldPath);
      it.remove();
    } else {
      prune(entry.getValue(), child, fieldPath, unknown);
    }
  }
}
