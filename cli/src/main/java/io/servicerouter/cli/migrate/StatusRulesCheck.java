package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicerouter.validation.StatusRules;
import java.util.List;

/**
 * Checks generated objects with the rules SPEC §2 marks "status" ({@link StatusRules}): the API server accepts
 * objects that break them, but the operator marks them Failed, so the migration rejects them like schema
 * violations.
 */
final class StatusRulesCheck implements GeneratedObjectCheck {

  /** The status-rule problems of a Gateway or ServiceRoute; none for the other kinds. */
  @Override
  public List<FieldProblem> problems(JsonNode object) {
    String name = text(object.path("metadata").path("name"));
    JsonNode spec = object.path("spec");
    List<StatusRules.Violation> violations = switch (object.path("kind").asText()) {
      case "Gateway" -> StatusRules.gateway(name, text(spec.path("controller")), text(spec.path("targetPostfix")));
      case "ServiceRoute" -> StatusRules.serviceRoute(name);
      default -> List.of();
    };
    return violations.stream().map(StatusRules.Violation::problem)
        .map(problem -> new FieldProblem(problem.field(), problem.reason())).toList();
  }

  /** A string field's value, {@code null} when it is absent or not a string (a schema problem). */
  private static String text(JsonNode node) {
    return node.isTextual() ? node.textValue() : null;
  }
}
