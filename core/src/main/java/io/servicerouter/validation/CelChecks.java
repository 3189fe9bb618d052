package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the {@code x-kubernetes-validations} rules of an object whose schema checks raised no blocking
 * problem: at every location whose schema has rules and whose value is present, each rule in schema order
 * with {@code self} bound to that value; a location's rules come before those of its children, children in
 * input order and list items in list order.
 */
final class CelChecks {

  private CelChecks() {}

  /** Adds the problems of the failed rules at and below the value to {@code problems}. */
  static void check(JsonNode value, SchemaNode schema, String path, List<Problem> problems) {
    if (!schema.hasRules || value.isNull()) {
      return;
    }
    if (!schema.rules.isEmpty()) {
      Object self = CelValues.of(value);
      for (CelRule rule : schema.rules) {
        Problem problem = rule.evaluate(self, value, path);
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        SchemaNode child = schema.child(entry.getKey());
        if (child != null) {
          check(entry.getValue(), child, Paths.child(path, entry.getKey()), problems);
        }
      }
    } else if (value.isArray() && schema.items != null) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.items, Paths.index(path, i), problems);
      }
    }
  }
}
