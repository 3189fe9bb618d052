package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicerouter.cli.output.ManifestWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what one migration produces: the generated objects and the diagnostics. Every object is
 * checked as it is added, and its problems are reported at the values paths its fields came from.
 */
final class Findings {

  private final GeneratedObjectCheck check;
  private final List<ObjectNode> objects = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<String> pathsWithErrors = new HashSet<>();

  /** Starts an empty collection whose objects are checked with {@code check}. */
  Findings(GeneratedObjectCheck check) {
    this.check = check;
  }

  /**
   * Reports an error at a values path, unless the path already has one: one line per path, the first
   * found. Later problems at the same path mostly repeat it (a list given for a string reads as absent,
   * which then is "Required"; an invalid app name is also an invalid namespace).
   */
  void error(ValuesPath path, String message) {
    if (pathsWithErrors.add(path.toString())) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, path.toString(), message));
    }
  }

  /** Reports a warning. */
  void warning(ValuesPath path, String message) {
    diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, path.toString(), message));
  }

  /**
   * Adds a generated object and reports its problems at the values paths of their fields, except problems
   * of fields holding a Flux variable.
   */
  void add(GeneratedObject object) {
    objects.add(object.manifest());
    for (FieldProblem problem : check.problems(object.manifest())) {
      if (!object.holdsPlaceholder(problem.field())) {
        error(object.sources().sourceOf(problem.field()), problem.reason());
      }
    }
  }

  /** The migration's result: the objects sorted for printing, the diagnostics in the order found. */
  Migration result() {
    return new Migration(ManifestWriter.sorted(objects), List.copyOf(diagnostics));
  }
}
