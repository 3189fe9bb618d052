package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a CRD's structural schema, compiled once: patterns are compiled with RE2 (the API server's Go
 * regexp syntax and semantics, e.g. {@code $} matches only at the very end) and CEL rules are compiled. Only
 * the keywords the generated CRDs use are accepted; any other keyword fails loading, so the interpreter can
 * never silently check less than the API server.
 */
final class SchemaNode {

  private static final Set<String> KEYWORDS = Set.of("type", "description", "properties", "required",
      "additionalProperties", "items", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems",
      "maxItems", "enum", "default", "format", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
      "x-kubernetes-validations");
  private static final Set<String> NUMERIC_FORMATS = Set.of("int32", "int64", "float", "double");

  final String type;
  final Map<String, SchemaNode> properties;
  final List<String> required;
  final SchemaNode additionalProperties;
  final SchemaNode items;
  final Pattern pattern;
  final Long minLength;
  final Long maxLength;
  final BigDecimal minimum;
  final BigDecimal maximum;
  final Long minItems;
  final Long maxItems;
  final List<JsonNode> enumValues;
  final List<Object> enumPlain;
  final JsonNode defaultValue;
  final String listType;
  final List<String> listMapKeys;
  final List<CelRule> rules;
  /** Whether this node or a node below it has CEL rules, so the CEL walk can skip rule-free subtrees. */
  final boolean hasRules;

  private SchemaNode(JsonNode schema, String location) {
    schema.fieldNames().forEachRemaining(keyword -> {
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalStateException("unsupported schema keyword " + keyword + " at " + describe(location));
      }
    });
    type = text(schema, "type");
    properties = new LinkedHashMap<>();
    schema.path("properties").properties()
        .forEach(entry -> properties.put(entry.getKey(), compile(entry.getValue(), Paths.child(location, entry.getKey()))));
    required = strings(schema.path("required"));
    additionalProperties = schema.has("additionalProperties")
        ? compile(schema.get("additionalProperties"), Paths.child(location, "*")) : null;
    items = schema.has("items") ? compile(schema.get("items"), location + "[*]") : null;
    pattern = schema.has("pattern") ? Pattern.compile(schema.get("pattern").asText()) : null;
    minLength = count(schema, "minLength");
    maxLength = count(schema, "maxLength");
    minimum = schema.has("minimum") ? schema.get("minimum").decimalValue() : null;
    maximum = schema.has("maximum") ? schema.get("maximum").decimalValue() : null;
    minItems = count(schema, "minItems");
    maxItems = count(schema, "maxItems");
    enumValues = schema.has("enum") ? nodes(schema.get("enum")) : null;
    enumPlain = enumValues == null ? null : enumValues.stream().map(CelValues::of).toList();
    defaultValue = schema.get("default");
    listType = text(schema, "x-kubernetes-list-type");
    listMapKeys = strings(schema.path("x-kubernetes-list-map-keys"));
    List<CelRule> compiled = new ArrayList<>();
    schema.path("x-kubernetes-validations").forEach(rule -> compiled.add(CelRule.compile(rule, describe(location))));
    rules = Collections.unmodifiableList(compiled);
    hasRules = !rules.isEmpty()
        || properties.values().stream().anyMatch(p -> p.hasRules)
        || (additionalProperties != null && additionalProperties.hasRules)
        || (items != null && items.hasRules);
    checkStructural(schema, location);
  }

  /** Compiles the schema found at {@code location} (a path used only in error messages). */
  static SchemaNode compile(JsonNode schema, String location) {
    return new SchemaNode(schema, location);
  }

  /** The schema of a property of an object: a declared property, else additionalProperties, else none. */
  SchemaNode child(String key) {
    SchemaNode property = properties.get(key);
    return property != null ? property : additionalProperties;
  }

  /** Whether the value is of this node's type, with the API server's leniency for integral floats. */
  boolean acceptsType(JsonNode value) {
    if (type == null) {
      return true;
    }
    switch (type) {
      case "object": return value.isObject();
      case "array": return value.isArray();
      case "string": return value.isTextual();
      case "boolean": return value.isBoolean();
      case "number": return value.isNumber();
      default: return value.isIntegralNumber() || (value.isFloatingPointNumber() && isIntegral(value.doubleValue()));
    }
  }

  private static boolean isIntegral(double value) {
    return Double.isFinite(value) && value == Math.rint(value);
  }

  private void checkStructural(JsonNode schema, String location) {
    if (type == null || !Set.of("object", "array", "string", "boolean", "number", "integer").contains(type)) {
      throw new IllegalStateException("schema at " + describe(location) + " has no supported type: " + type);
    }
    if ("array".equals(type) && items == null) {
      throw new IllegalStateException("array schema at " + describe(location) + " has no items");
    }
    String format = text(schema, "format");
    if (format != null && !(("integer".equals(type) || "number".equals(type)) && NUMERIC_FORMATS.contains(format))) {
      throw new IllegalStateException("unsupported format " + format + " at " + describe(location));
    }
    if (listType != null && !Set.of("atomic", "set", "map").contains(listType)) {
      throw new IllegalStateException("unsupported x-kubernetes-list-type " + listType + " at " + describe(location));
    }
  }

  private static String describe(String location) {
    return location.isEmpty() ? "<root>" : location;
  }

  private static String text(JsonNode schema, String keyword) {
    return schema.has(keyword) ? schema.get(keyword).asText() : null;
  }

  private static Long count(JsonNode schema, String keyword) {
    return schema.has(keyword) ? schema.get(keyword).longValue() : null;
  }

  private static List<JsonNode> nodes(JsonNode array) {
    List<JsonNode> values = new ArrayList<>();
    array.forEach(values::add);
    return List.copyOf(values);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }
}
