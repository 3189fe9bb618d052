package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.node.TextNode;
import io.servicerouter.model.Patterns;
import java.util.regex.Pattern;

/**
 * The reasons of the checks the migrator makes itself, worded as SPEC §6.1 words a reason: the type word,
 * the offending value as JSON, an explanation.
 */
final class Reasons {

  /** Maximum length of a DNS-1123 label, and of the object names SPEC §2 limits. */
  static final int MAX_LABEL = Patterns.DNS1123_LABEL_MAX;

  private static final Pattern DNS1123_LABEL = Pattern.compile(Patterns.DNS1123_LABEL);

  private Reasons() {}

  /** {@code Invalid value: "<value>": <explanation>}. */
  static String invalid(String value, String explanation) {
    return "Invalid value: " + json(value) + ": " + explanation;
  }

  /** {@code Too long: "<value>": must have at most <max> characters}, worded as the validator words it. */
  static String tooLong(String value, int max) {
    return "Too long: " + json(value) + ": must have at most " + max + " characters";
  }

  /** The value as a JSON string. */
  static String json(String value) {
    return TextNode.valueOf(value).toString();
  }

  /** The problem of a value that must be a DNS-1123 label, or {@code null} if it is one. */
  static String labelProblem(String value) {
    if (value.length() > MAX_LABEL) {
      return tooLong(value, MAX_LABEL);
    }
    return DNS1123_LABEL.matcher(value).matches() ? null : invalid(value,
        "must be a DNS-1123 label: lowercase alphanumerics and '-', starting and ending with an alphanumeric");
  }
}
