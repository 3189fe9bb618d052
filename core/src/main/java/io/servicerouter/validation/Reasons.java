package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reasons of schema problems (SPEC §6.1): a Kubernetes type word, the offending value as JSON and an
 * explanation. The explanations are ours, not the API server's, and consistent across rules: lengths are in
 * characters (Unicode code points, as the API server counts them) and item counts in items.
 */
final class Reasons {

  private Reasons() {}

  static String required() {
    return "Required value";
  }

  static String wrongType(JsonNode value, String type) {
    return invalid(value, "must be of type " + type);
  }

  static String invalid(JsonNode value, String explanation) {
    return "Invalid value: " + value + ": " + explanation;
  }

  static String unsupported(JsonNode value, List<JsonNode> supported) {
    return "Unsupported value: " + value + ": supported values: "
        + supported.stream().map(JsonNode::toString).collect(Collectors.joining(", "));
  }

  static String duplicate(JsonNode value) {
    return "Duplicate value: " + value;
  }

  static String tooShort(JsonNode value, long min) {
    return invalid(value, "must have at least " + min + " characters");
  }

  static String tooLong(JsonNode value, long max) {
    return "Too long: " + value + ": must have at most " + max + " characters";
  }

  static String tooFew(int count, long min) {
    return "Too few: " + count + ": must have at least " + min + " items";
  }

  static String tooMany(int count, long max) {
    return "Too many: " + count + ": must have at most " + max + " items";
  }
}
