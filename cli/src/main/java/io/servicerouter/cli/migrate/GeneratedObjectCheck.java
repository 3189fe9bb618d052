package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a generated manifest against the rules of SPEC §2, so that the migration rejects values the
 * operator would reject. Implementations do not know about Helm values; the migrator maps each problem's
 * field back to the values path it came from.
 */
@FunctionalInterface
public interface GeneratedObjectCheck {

  /** The problems of one generated object (apiVersion, kind, metadata, spec); empty when it is valid. */
  List<FieldProblem> problems(JsonNode object);

  /** A check that reports the problems of this check followed by those of {@code other}. */
  default GeneratedObjectCheck and(GeneratedObjectCheck other) {
    return object -> {
      List<FieldProblem> problems = new ArrayList<>(problems(object));
      problems.addAll(other.problems(object));
      return problems;
    };
  }
}
