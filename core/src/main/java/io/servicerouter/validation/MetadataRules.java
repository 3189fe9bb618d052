package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.servicerouter.model.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The renderer's checks of {@code metadata} (SPEC §6.1 "Validation"), which the API server makes for every
 * object but a CRD schema does not describe: {@code metadata.name} is required and a DNS-1123 subdomain, and
 * {@code metadata.namespace}, when given and not empty, is a DNS-1123 label. The DNS-1123 label check is
 * also that of the other values that must be labels (see {@link #labelReasons}).
 */
public final class MetadataRules {

  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int SUBDOMAIN_MAX = 253;
  private static final String SUBDOMAIN_RULE =
      "must be a DNS-1123 subdomain: lowercase alphanumerics, '-' and '.', starting and ending with an alphanumeric";
  private static final Pattern LABEL = Pattern.compile(Patterns.DNS1123_LABEL);
  private static final String LABEL_RULE =
      "must be a DNS-1123 label: lowercase alphanumerics and '-', starting and ending with an alphanumeric";

  private MetadataRules() {}

  /**
   * The problems of an object's metadata, empty when it is valid.
   *
   * @param metadata the object's {@code metadata}; a missing node (such as {@code path("metadata")} of an
   *     object without it) or {@code null} means the name is missing
   * @return the problems, empty when the metadata is valid
   */
  public static List<Problem> check(JsonNode metadata) {
    List<Problem> problems = new ArrayList<>();
    if (metadata.isMissingNode() || metadata.isNull()) {
      problems.add(new Problem("metadata.name", Reasons.required()));
    } else if (!metadata.isObject()) {
      problems.add(new Problem("metadata", Reasons.wrongType(metadata, "object")));
    } else {
      JsonNode name = metadata.path("name");
      if (name.isMissingNode() || name.isNull() || (name.isTextual() && name.textValue().isEmpty())) {
        problems.add(new Problem("metadata.name", Reasons.required()));
      } else {
        nameReasons(name, SUBDOMAIN, SUBDOMAIN_MAX, SUBDOMAIN_RULE)
            .forEach(reason -> problems.add(new Problem("metadata.name", reason)));
      }
      JsonNode namespace = metadata.path("namespace");
      if (!namespace.isMissingNode() && !namespace.isNull() && !(namespace.isTextual() && namespace.textValue().isEmpty())) {
        nameReasons(namespace, LABEL, Patterns.DNS1123_LABEL_MAX, LABEL_RULE)
            .forEach(reason -> problems.add(new Problem("metadata.namespace", reason)));
      }
    }
    return problems;
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
