package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reasons of problems as SPEC §6.1 words them: a Kubernetes type word, the offending value as JSON and
 * an explanation. Used by the validator, the status rules and {@code migrate-helm-values}. The explanations
 * are ours, not the API server's, and consistent across rules: lengths are in characters (Unicode code
 * points, as the API server counts them) and item counts in items.
 */
public final class Reasons {

  private Reasons() {}

  /** {@code Required value}. */
  public static String required() {
    return "Required value";
  }

  /** {@code Invalid value: <value>: must be of type <type>}. */
  static String wrongType(JsonNode value, String type) {
    return invalid(value, "must be of type " + type);
  }

  /** {@code Invalid value: <value>: <explanation>}. */
  public static String invalid(JsonNode value, String explanation) {
    return "Invalid value: " + value + ": " + explanation;
  }

  /** {@code Unsupported value: <value>: supported values: <supported, comma-separated>}. */
  public static String unsupported(JsonNode value, List<JsonNode> supported) {
    return "Unsupported value: " + value + ": supported values: "
        + supported.stream().map(JsonNode::toString).collect(Collectors.joining(", "));
  }

  /** {@code Duplicate value: <value>}. */
  public static String duplicate(JsonNode value) {
    return "Duplicate value: " + value;
  }

  /** {@code Invalid value: <value>: must have at least <min> characters}. */
  static String tooShort(JsonNode value, long min) {
    return invalid(value, "must have at least " + min + " characters");
  }

  /** {@code Too long: <value>: must have at most <max> characters}. */
  static String tooLong(JsonNode value, long max) {
    return "Too long: " + value + ": must have at most " + max + " characters";
  }

  /** {@code Too few: <count>: must have at least <min> items}. */
  static String tooFew(int count, long min) {
    return "Too few: " + count + ": must have at least " + min + " items";
  }

  /** {@code Too many: <count>: must have at most <max> items}. */
  static String tooMany(int count, long max) {
    return "Too many: " + count + ": must have at most " + max + " items";
  }
}
