package io.servicerouter.validation;

import com.fasterxml.jackson.databind.node.TextNode;
import io.servicerouter.model.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules SPEC §2 marks "status": the API server accepts objects that break them, the operator marks them
 * Failed (§2.6) and {@code migrate-helm-values} rejects them like schema violations (§6.2). This is their
 * only home: the planner reports {@link Violation#message()} and the migration {@link Violation#problem()}.
 * A {@code null} value breaks no status rule; the schema requires the field.
 */
public final class StatusRules {

  private static final Pattern TARGET_POSTFIX = Pattern.compile(Patterns.TARGET_POSTFIX);
  private static final String TARGET_POSTFIX_RULE = "must be lowercase alphanumeric with hyphens";
  private static final int MAX_NAME = Patterns.DNS1123_LABEL_MAX;

  private StatusRules() {}

  /**
   * One broken status rule, in the two forms SPEC gives it.
   *
   * @param problem the field and a reason as §6.1 words it, e.g. {@code spec.targetPostfix} and
   *     {@code Invalid value: "ext.ernal": must be lowercase alphanumeric with hyphens}
   * @param message the status message as §2.6 words it, e.g.
   *     {@code targetPostfix must be lowercase alphanumeric with hyphens: ext.ernal}
   */
  public record Violation(Problem problem, String message) {}

  /**
   * The violations of a Gateway (SPEC §2.4), in this order: {@code spec.controller} is a DNS-1123 label,
   * {@code spec.targetPostfix} matches {@link Patterns#TARGET_POSTFIX}, {@code metadata.name} has at most 63
   * characters.
   *
   * @return the violations, empty when the Gateway keeps every status rule
   */
  public static List<Violation> gateway(String name, String controller, String targetPostfix) {
    List<Violation> violations = new ArrayList<>();
    if (controller != null) {
      MetadataRules.labelReasons(controller).stream().findFirst().ifPresent(reason -> violations.add(new Violation(
          new Problem("spec.controller", reason), "controller must be a DNS-1123 label: " + controller)));
    }
    if (targetPostfix != null && !TARGET_POSTFIX.matcher(targetPostfix).matches()) {
      violations.add(new Violation(
          new Problem("spec.targetPostfix", Reasons.invalid(TextNode.valueOf(targetPostfix), TARGET_POSTFIX_RULE)),
          "targetPostfix " + TARGET_POSTFIX_RULE + ": " + targetPostfix));
    }
    violations.addAll(nameLength(name));
    return violations;
  }

  /**
   * The violations of a ServiceRoute (SPEC §2.5): {@code metadata.name} has at most 63 characters. The
   * hostname length rule needs the ClusterIdentity and is the planner's (§3.8).
   *
   * @return the violation, or nothing when the name is short enough
   */
  public static List<Violation> serviceRoute(String name) {
    return nameLength(name);
  }

  /** The metadata.name rule of Gateways and ServiceRoutes (their names are used as label values). */
  private static List<Violation> nameLength(String name) {
    if (name == null || name.length() <= MAX_NAME) {
      return List.of();
    }
    return List.of(new Violation(new Problem("metadata.name", Reasons.tooLong(TextNode.valueOf(name), MAX_NAME)),
        "metadata.name must be no more than " + MAX_NAME + " characters"));
  }
}
