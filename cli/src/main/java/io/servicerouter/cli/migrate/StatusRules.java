package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules SPEC §2 marks "status": the API server accepts objects that break them, but the operator marks
 * them Failed, so the migration rejects them like schema violations.
 */
final class StatusRules implements GeneratedObjectCheck {

  private static final Pattern TARGET_POSTFIX = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

  /** The status-rule problems of a Gateway or ServiceRoute; none for the other kinds. */
  @Override
  public List<FieldProblem> problems(JsonNode object) {
    List<FieldProblem> problems = new ArrayList<>();
    String kind = object.path("kind").asText();
    if (kind.equals("Gateway")) {
      String controller = object.path("spec").path("controller").asText();
      String controllerProblem = controller.isEmpty() ? null : Reasons.labelProblem(controller);
      if (controllerProblem != null) {
        problems.add(new FieldProblem("spec.controller", controllerProblem));
      }
      String postfix = object.path("spec").path("targetPostfix").asText();
      if (!postfix.isEmpty() && !TARGET_POSTFIX.matcher(postfix).matches()) {
        problems.add(new FieldProblem("spec.targetPostfix",
            Reasons.invalid(postfix, "must be lowercase alphanumeric with hyphens")));
      }
    }
    if (kind.equals("Gateway") || kind.equals("ServiceRoute")) {
      String name = object.path("metadata").path("name").asText();
      if (name.length() > Reasons.MAX_LABEL) {
        problems.add(new FieldProblem("metadata.name", Reasons.tooLong(name, Reasons.MAX_LABEL)));
      }
    }
    return problems;
  }
}
