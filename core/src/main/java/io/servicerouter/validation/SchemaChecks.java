package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI checks of a pruned and defaulted object, as the API server's schema validator and list-type
 * validator apply them: each keyword checks only values of the kind it is about (a pattern only strings,
 * a minimum only numbers), so a value of the wrong type gets the type problem and, if the schema has an
 * enum, the enum problem. Problems come in walk order: at an object the missing required properties (schema
 * order), then its properties in input order; at a list its size, then its items, then duplicates.
 */
final class SchemaChecks {

  private final List<Problem> problems = new ArrayList<>();
  private boolean blocking;

  /** Checks the object's properties against the root schema; the root fields are not in the schema. */
  static SchemaChecks of(ObjectNode object, SchemaNode root) {
    SchemaChecks checks = new SchemaChecks();
    checks.check(object, root, Paths.ROOT);
    return checks;
  }

  /** The problems found, in walk order. */
  List<Problem> problems() {
    return problems;
  }

  /**
   * Whether a problem is of a kind after which the API server skips all CEL rules of the object
   * ({@code Required}, {@code Unsupported}, {@code Too long}, {@code Too many}, or a wrong type).
   */
  boolean blocksCel() {
    return blocking;
  }

  private void check(JsonNode value, SchemaNode schema, String path) {
    if (!schema.acceptsType(value)) {
      block(path, Reasons.wrongType(value, schema.type));
    }
    if (schema.enumValues != null && !schema.enumPlain.contains(CelValues.of(value))) {
      block(path, Reasons.unsupported(value, schema.enumValues));
    }
    if (value.isTextual()) {
      checkString(value, schema, path);
    } else if (value.isNumber()) {
      checkNumber(value, schema, path);
    } else if (value.isArray()) {
      checkArray(value, schema, path);
    } else if (value.isObject()) {
      checkObject(value, schema, path);
    }
  }

  private void checkString(JsonNode value, SchemaNode schema, String path) {
    String text = value.textValue();
    if (schema.minLength != null || schema.maxLength != null) {
      int length = text.codePointCount(0, text.length());
      if (schema.maxLength != null && length > schema.maxLength) {
        block(path, Reasons.tooLong(value, schema.maxLength));
      }
      if (schema.minLength != null && length < schema.minLength) {
        add(path, Reasons.tooShort(value, schema.minLength));
      }
    }
    if (schema.pattern != null && !schema.pattern.matcher(text).find()) {
      add(path, Reasons.invalid(value, "must match pattern " + schema.pattern.pattern()));
    }
  }

  private void checkNumber(JsonNode value, SchemaNode schema, String path) {
    if (schema.minimum != null && value.decimalValue().compareTo(schema.minimum) < 0) {
      add(path, Reasons.invalid(value, "must be greater than or equal to " + schema.minimum.toPlainString()));
    }
    if (schema.maximum != null && value.decimalValue().compareTo(schema.maximum) > 0) {
      add(path, Reasons.invalid(value, "must be less than or equal to " + schema.maximum.toPlainString()));
    }
  }

  private void checkArray(JsonNode value, SchemaNode schema, String path) {
    if (schema.maxItems != null && value.size() > schema.maxItems) {
      block(path, Reasons.tooMany(value.size(), schema.maxItems));
    }
    if (schema.minItems != null && value.size() < schema.minItems) {
      add(path, Reasons.tooFew(value.size(), schema.minItems));
    }
    if (schema.items != null) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.items, Paths.index(path, i));
      }
    }
    if ("set".equals(schema.listType)) {
      checkSet(value, path);
    } else if ("map".equals(schema.listType)) {
      checkMap(value, schema.listMapKeys, path);
    }
  }

  private void checkObject(JsonNode value, SchemaNode schema, String path) {
    for (String name : schema.required) {
      if (!value.has(name)) {
        block(Paths.child(path, name), Reasons.required());
      }
    }
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      SchemaNode child = schema.child(entry.getKey());
      if (child != null) {
        check(entry.getValue(), child, Paths.child(path, entry.getKey()));
      }
    }
  }

  /** Like the API server, reports each repeated value once, at its second occurrence. */
  private void checkSet(JsonNode list, String path) {
    Map<Object, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      if (seen.merge(CelValues.of(list.get(i)), 1, Integer::sum) == 2) {
        add(Paths.index(path, i), Reasons.duplicate(list.get(i)));
      }
    }
  }

  /**
   * Reports a repeated key once, at its second occurrence, with the key value as JSON (a JSON object of the
   * key values when there are several keys). Items that lack a key already have a Required problem and are
   * left out.
   */
  private void checkMap(JsonNode list, List<String> keys, String path) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isObject() && !item.isNull()) {
        add(Paths.index(path, i), Reasons.invalid(item, "must be an object for an array of list-type map"));
        return;
      }
    }
    Map<Object, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode key = key(list.get(i), keys);
      if (key != null && seen.merge(CelValues.of(key), 1, Integer::sum) == 2) {
        add(Paths.index(path, i), Reasons.duplicate(key));
      }
    }
  }

  private static JsonNode key(JsonNode item, List<String> keys) {
    if (keys.size() == 1) {
      return item.get(keys.get(0));
    }
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    for (String name : keys) {
      if (!item.has(name)) {
        return null;
      }
      key.set(name, item.get(name));
    }
    return key;
  }

  private void add(String path, String reason) {
    problems.add(new Problem(path, reason));
  }

  private void block(String path, String reason) {
    add(path, reason);
    blocking = true;
  }
}
