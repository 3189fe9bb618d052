package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Set;

/**
 * One {@code x-kubernetes-validations} entry, compiled once when the CRDs are loaded. {@code self} is
 * declared dynamic; the environment is standard CEL with its macros and, as in Kubernetes, comparisons
 * across numeric types. Kubernetes' extension libraries and transition rules ({@code oldSelf}) are not
 * declared: a CRD rule that needs them fails to load instead of being checked differently.
 */
final class CelRule {

  private static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .build();
  private static final Set<String> KEYWORDS = Set.of("rule", "message", "fieldPath");

  private final String rule;
  private final String message;
  private final String fieldPath;
  private final CelRuntime.Program program;

  private CelRule(String rule, String message, String fieldPath, CelRuntime.Program program) {
    this.rule = rule;
    this.message = message;
    this.fieldPath = fieldPath;
    this.program = program;
  }

  /** Compiles a rule of the schema at {@code location} (used only in error messages). */
  static CelRule compile(JsonNode node, String location) {
    node.fieldNames().forEachRemaining(keyword -> {
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalStateException("unsupported x-kubernetes-validations keyword " + keyword + " at " + location);
      }
    });
    String rule = node.path("rule").asText();
    try {
      CelAbstractSyntaxTree ast = CEL.compile(rule).getAst();
      CelType type = ast.getResultType();
      if (!type.equals(SimpleType.BOOL) && !type.equals(SimpleType.DYN)) {
        throw new IllegalStateException("CEL rule at " + location + " is of type " + type.name() + ", not bool: " + rule);
      }
      // Like the API server, a rule without a message reports "failed rule: <rule>".
      String message = node.path("message").asText("failed rule: " + rule);
      return new CelRule(rule, message, node.path("fieldPath").asText(), CEL.createProgram(ast));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rule at " + location + " does not compile: " + rule + ": " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates the rule with {@code self} bound to the value at {@code location}; returns the problem, or
   * {@code null} when the rule holds. A failed rule is reported at its {@code fieldPath} with exactly its
   * message; an evaluation error is reported at the location, as the API server does.
   */
  Problem evaluate(Object self, JsonNode value, String location) {
    Object result;
    try {
      result = program.eval(Map.of("self", self));
    } catch (CelEvaluationException e) {
      return new Problem(location, Reasons.invalid(value, "rule " + rule + " could not be evaluated: " + e.getMessage()));
    }
    if (Boolean.TRUE.equals(result)) {
      return null;
    }
    if (result instanceof Boolean) {
      return new Problem(Paths.join(location, fieldPath), message);
    }
    return new Problem(location, Reasons.invalid(value, "rule " + rule + " evaluated to " + result + ", not a bool"));
  }
}
