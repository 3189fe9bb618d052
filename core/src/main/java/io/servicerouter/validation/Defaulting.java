package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Applies schema defaults as the API server does after pruning: a property that is absent or {@code null}
 * gets a copy of its default, and defaults apply again inside the values just defaulted, inside nested
 * objects and inside list items. A {@code null} without a default is removed, as if absent (none of the
 * schemas is nullable); {@code null} list items stay and fail the type check.
 */
final class Defaulting {

  private Defaulting() {}

  /** Defaults the value in place. */
  static void apply(JsonNode value, SchemaNode schema) {
    if (value.isObject()) {
      applyToObject((ObjectNode) value, schema);
    } else if (value.isArray() && schema.items != null) {
      ArrayNode array = (ArrayNode) value;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isNull() && schema.items.defaultValue != null) {
          array.set(i, schema.items.defaultValue.deepCopy());
        }
        apply(array.get(i), schema.items);
      }
    }
  }

  private static void applyToObject(ObjectNode object, SchemaNode schema) {
    schema.properties.forEach((name, property) -> {
      JsonNode current = object.get(name);
      if (property.defaultValue != null && (current == null || current.isNull())) {
        object.set(name, property.defaultValue.deepCopy());
      }
    });
    for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      SchemaNode child = schema.child(entry.getKey());
      if (child == null) {
        continue;
      }
      if (entry.getValue().isNull()) {
        if (child.defaultValue == null) {
          it.remove();
          continue;
        }
        entry.setValue(child.defaultValue.deepCopy());
      }
      apply(entry.getValue(), child);
    }
  }
}
