package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.servicerouter.model.Patterns;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The renderer's checks of {@code metadata} (SPEC §6.1 "Validation"), which the API server makes for every
 * object but a CRD schema does not describe: {@code metadata.name} is required and a DNS-1123 subdomain, and
 * {@code metadata.namespace}, when given and not empty, is a DNS-1123 label. The DNS-1123 label check is
 * also that of the other values that must be labels (see {@link #labelReasons}). The other fields of
 * Kubernetes' ObjectMeta must have its types (a manifest that breaks them does not decode in kubectl or the API
 * server); {@link #checkTypes} is that part alone, for the core kinds a CRD does not describe.
 */
public final class MetadataRules {

  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int SUBDOMAIN_MAX = 253;
  private static final String SUBDOMAIN_RULE =
      "must be a DNS-1123 subdomain: lowercase alphanumerics, '-' and '.', starting and ending with an alphanumeric";
  private static final Pattern LABEL = Pattern.compile(Patterns.DNS1123_LABEL);
  private static final String LABEL_RULE =
      "must be a DNS-1123 label: lowercase alphanumerics and '-', starting and ending with an alphanumeric";

  private static final String DATE_TIME = "date-time";
  private static final String STRING_MAP = "map of strings";
  private static final String STRING_LIST = "list of strings";
  private static final String OBJECT_LIST = "list of objects";

  /** The ObjectMeta fields besides name and namespace, by their JSON type ({@code null} is always allowed). */
  private static final Map<String, String> FIELD_TYPES = Map.ofEntries(
      Map.entry("generateName", "string"), Map.entry("uid", "string"), Map.entry("resourceVersion", "string"),
      Map.entry("selfLink", "string"), Map.entry("creationTimestamp", DATE_TIME), Map.entry("deletionTimestamp", DATE_TIME),
      Map.entry("generation", "integer"), Map.entry("deletionGracePeriodSeconds", "integer"),
      Map.entry("labels", STRING_MAP), Map.entry("annotations", STRING_MAP), Map.entry("finalizers", STRING_LIST),
      Map.entry("ownerReferences", OBJECT_LIST), Map.entry("managedFields", OBJECT_LIST));

  private MetadataRules() {}

  /**
   * The problems of an object's metadata, empty when it is valid.
   *
   * @param metadata the object's {@code metadata}; a missing node (such as {@code path("metadata")} of an
   *     object without it) or {@code null} means the name is missing
   * @return the problems, empty when the metadata is valid
   */
  public static List<Problem> check(JsonNode metadata) {
    return problems(metadata, true);
  }

  /**
   * The problems of an object's metadata that any Kubernetes object can have: the name is missing or not a
   * string, or a field is not of its ObjectMeta type (a namespace not a string, labels not a map of strings, a
   * creationTimestamp not a date-time, ...). {@link #check} includes these.
   *
   * @param metadata the object's {@code metadata}, as for {@link #check}
   * @return the problems, empty when the metadata is well-typed and names the object
   */
  public static List<Problem> checkTypes(JsonNode metadata) {
    return problems(metadata, false);
  }

  private static List<Problem> problems(JsonNode metadata, boolean names) {
    List<Problem> problems = new ArrayList<>();
    if (metadata.isMissingNode() || metadata.isNull()) {
      problems.add(new Problem("metadata.name", Reasons.required()));
    } else if (!metadata.isObject()) {
      problems.add(new Problem("metadata", Reasons.wrongType(metadata, "object")));
    } else {
      JsonNode name = metadata.path("name");
      if (name.isMissingNode() || name.isNull() || (name.isTextual() && name.textValue().isEmpty())) {
        problems.add(new Problem("metadata.name", Reasons.required()));
      } else if (!name.isTextual()) {
        problems.add(new Problem("metadata.name", Reasons.wrongType(name, "string")));
      } else if (names) {
        nameReasons(name, SUBDOMAIN, SUBDOMAIN_MAX, SUBDOMAIN_RULE)
            .forEach(reason -> problems.add(new Problem("metadata.name", reason)));
      }
      JsonNode namespace = metadata.path("namespace");
      if (!namespace.isMissingNode() && !namespace.isNull() && !namespace.isTextual()) {
        problems.add(new Problem("metadata.namespace", Reasons.wrongType(namespace, "string")));
      } else if (names && namespace.isTextual() && !namespace.textValue().isEmpty()) {
        nameReasons(namespace, LABEL, Patterns.DNS1123_LABEL_MAX, LABEL_RULE)
            .forEach(reason -> problems.add(new Problem("metadata.namespace", reason)));
      }
      metadata.properties().forEach(field -> {
        String type = FIELD_TYPES.get(field.getKey());
        if (type != null && !field.getValue().isNull()) {
          typeProblem(field.getValue(), type, "metadata." + field.getKey(), problems);
        }
      });
    }
    return problems;
  }

  /** Adds the problems of a value that is not of its ObjectMeta type: the value's, or those of its bad entries. */
  private static void typeProblem(JsonNode value, String type, String path, List<Problem> problems) {
    switch (type) {
      case "string" -> {
        if (!value.isTextual()) {
          problems.add(new Problem(path, Reasons.wrongType(value, type)));
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
          problems.add(new Problem(path, Reasons.wrongType(value, type)));
        }
      }
      case DATE_TIME -> {
        if (!value.isTextual()) {
          problems.add(new Problem(path, Reasons.wrongType(value, "string")));
        } else if (!value.textValue().isEmpty() && !isDateTime(value.textValue())) {
          problems.add(new Problem(path, Reasons.invalid(value, "must be an RFC 3339 date-time such as \"2024-01-31T12:00:00Z\"")));
        }
      }
      case STRING_MAP -> {
        if (!value.isObject()) {
          problems.add(new Problem(path, Reasons.wrongType(value, "object")));
        } else {
          value.properties().stream().filter(entry -> !entry.getValue().isTextual()).forEach(entry ->
              problems.add(new Problem(Paths.child(path, entry.getKey()), Reasons.wrongType(entry.getValue(), "string"))));
        }
      }
      default -> {
        String itemType = type.equals(STRING_LIST) ? "string" : "object";
        if (!value.isArray()) {
          problems.add(new Problem(path, Reasons.wrongType(value, "array")));
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          if (itemType.equals("string") ? !value.get(i).isTextual() : !value.get(i).isObject()) {
            problems.add(new Problem(Paths.index(path, i), Reasons.wrongType(value.get(i), itemType)));
          }
        }
      }
    }
  }

  private static boolean isDateTime(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * Why a value is not a DNS-1123 label, worded as for {@code metadata.namespace}: {@code Too long} when it
   * has more than 63 characters, then {@code Invalid value} when it breaks the pattern.
   *
   * @param value the value, such as a Gateway's {@code spec.controller} or a namespace option
   * @return the reasons, empty when the value is a DNS-1123 label
   */
  public static List<String> labelReasons(String value) {
    return nameReasons(TextNode.valueOf(value), LABEL, Patterns.DNS1123_LABEL_MAX, LABEL_RULE);
  }

  private static List<String> nameReasons(JsonNode value, Pattern pattern, int max, String rule) {
    if (!value.isTextual()) {
      return List.of(Reasons.wrongType(value, "string"));
    }
    List<String> reasons = new ArrayList<>();
    String text = value.textValue();
    if (text.length() > max) {
      reasons.add(Reasons.tooLong(value, max));
    }
    if (!pattern.matcher(text).matches()) {
      reasons.add(Reasons.invalid(value, rule));
    }
    return reasons;
  }
}
