package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicerouter.validation.Reasons;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values with the types the chart expects and reports values of another type, so that the
 * mapping code only sees strings, lists and mappings. Absent and {@code null} are the same, as in Helm.
 */
final class ValueReader {

  private final Findings findings;

  /** A reader that reports type errors to {@code findings}. */
  ValueReader(Findings findings) {
    this.findings = findings;
  }

  /**
   * The text of a scalar (a number or boolean as Jackson prints it: {@code 1}, {@code true}); {@code null}
   * when absent. A list or mapping is reported and read as absent.
   */
  String text(JsonNode node, ValuesPath path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isContainerNode()) {
      findings.error(path, Reasons.invalid(node, "must be a string"));
      return null;
    }
    return node.asText();
  }

  /** Like {@link #text}, but absent or empty text is reported as {@code Required value}. */
  String requiredText(JsonNode node, ValuesPath path) {
    if (node == null || node.isNull() || (node.isValueNode() && node.asText().isEmpty())) {
      findings.error(path, Reasons.required());
      return null;
    }
    return text(node, path);
  }

  /** The items of a list; empty when absent. Anything else is reported and read as empty. */
  List<JsonNode> list(JsonNode node, ValuesPath path) {
    List<JsonNode> items = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(items::add);
    } else if (node != null && !node.isNull()) {
      findings.error(path, Reasons.invalid(node, "must be a list"));
    }
    return items;
  }

  /** Whether the node is a mapping; anything else is reported. */
  boolean isMapping(JsonNode node, ValuesPath path) {
    if (node != null && node.isObject()) {
      return true;
    }
    findings.error(path, Reasons.invalid(node, "must be a map"));
    return false;
  }
}
