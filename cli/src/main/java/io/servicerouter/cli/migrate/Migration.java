package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome of converting one set of Helm values.
 *
 * @param objects     the generated manifests, sorted as the CLI prints them; to be printed only when there
 *                    are no errors
 * @param diagnostics the errors and warnings, in the order of the values they concern
 */
public record Migration(List<ObjectNode> objects, List<Diagnostic> diagnostics) {

  /** Whether any diagnostic is an error, so that nothing may be printed and the exit status is 2. */
  public boolean failed() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
  }
}
