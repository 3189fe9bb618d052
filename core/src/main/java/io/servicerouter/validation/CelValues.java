package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts JSON values to the plain Java values CEL for Java evaluates ({@code Map}, {@code List},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}); also used to compare values the way the API
 * server does for {@code enum} and list-type uniqueness (map key order does not matter, {@code 1} and
 * {@code 1.0} differ).
 */
final class CelValues {

  private CelValues() {}

  static Object of(JsonNode value) {
    switch (value.getNodeType()) {
      case OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          map.put(entry.getKey(), of(entry.getValue()));
        }
        return map;
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>(value.size());
        for (JsonNode item : value) {
          list.add(of(item));
        }
        return list;
      }
      case STRING:
        return value.textValue();
      case BOOLEAN:
        return value.booleanValue();
      case NUMBER:
        // Integers beyond int64 are floats in the API server's JSON decoding too.
        return value.canConvertToLong() && value.isIntegralNumber() ? (Object) value.longValue() : (Object) value.doubleValue();
      default:
        // null: CEL for Java adapts a Java null to CEL null. Nulls reach rules only through a list item,
        // which is a type error that keeps CEL from running at all.
        return null;
    }
  }
}
