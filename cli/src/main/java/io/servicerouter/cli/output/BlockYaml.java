package io.servicerouter.cli.output;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small block-style YAML writer for JSON trees. The general-purpose YAML emitter took more than half of
 * a 10,000-route render; the output here is plain data (maps, lists, strings, numbers, booleans), so a
 * direct writer suffices. Strings are printed plain only when they cannot be read back as anything but
 * the same string; otherwise they are double-quoted with JSON escapes, which YAML reads identically.
 */
final class BlockYaml {

  /** Plain scalars: start with a letter, digit-free lead, and only characters that never need quoting. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
  /** Words YAML 1.1 or 1.2 readers may take for booleans or null. */
  private static final Set<String> RESERVED = Set.of("y", "yes", "n", "no", "on", "off", "true", "false", "null");

  private final StringBuilder out;

  BlockYaml(StringBuilder out) {
    this.out = out;
  }

  /** Appends one document's body (a map) at the top level. */
  void document(JsonNode node) {
    if (node.isEmpty()) {
      out.append("{}\n");
      return;
    }
    map(node, 0);
  }

  private void map(JsonNode node, int indent) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      indent(indent);
      scalarText(field.getKey());
      out.append(':');
      value(field.getValue(), indent);
    }
  }

  /** The value after {@code key:} or {@code - }: inline for scalars and empty containers, else nested. */
  private void value(JsonNode value, int indent) {
    if (value.isContainerNode() && !value.isEmpty()) {
      out.append('\n');
      if (value.isObject()) {
        map(value, indent + 2);
      } else {
        list(value, indent + 2);
      }
      return;
    }
    out.append(' ');
    inline(value);
    out.append('\n');
  }

  private void list(JsonNode node, int indent) {
    for (JsonNode item : node) {
      indent(indent);
      out.append('-');
      if (item.isObject() && !item.isEmpty()) {
        // The first key goes on the dash line; the rest align with it.
        Iterator<Map.Entry<String, JsonNode>> it = item.fields();
        boolean first = true;
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> field = it.next();
          if (first) {
            out.append(' ');
            first = false;
          } else {
            indent(indent + 2);
          }
          scalarText(field.getKey());
          out.append(':');
          value(field.getValue(), indent + 2);
        }
      } else {
        value(item, indent);
      }
    }
  }

  private void inline(JsonNode value) {
    if (value.isObject()) {
      out.append("{}");
    } else if (value.isArray()) {
      out.append("[]");
    } else if (value.isTextual()) {
      scalarText(value.asText());
    } else {
      out.append(value.asText());
    }
  }

  private void scalarText(String text) {
    if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT))) {
      out.append(text);
    } else {
      out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }
  }

  private void indent(int spaces) {
    for (int i = 0; i < spaces; i++) {
      out.append(' ');
    }
  }
}
