package io.servicerouter.cli.render;

import io.servicerouter.cli.CliRun;
import io.servicerouter.cli.render.RenderCommand;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the offline validation ({@code servicerouter render -f FILE}, run in this JVM) says about a fixture:
 * accepted (exit 0) or rejected (exit 2) with the field paths of its problem lines
 * {@code <file>#<n>: <Kind>/<name>: <field>: <reason>}.
 *
 * @param accepted whether render accepted the file
 * @param fields the field paths of the problems
 * @param stderr render's standard error, for assertion descriptions
 */
record OfflineVerdict(boolean accepted, Set<String> fields, String stderr) {

  /** Renders {@code file}. */
  static OfflineVerdict render(Path file) {
    CliRun run = CliRun.of("render", "-f", file.toString());
    if (run.exitCode() != 0 && run.exitCode() != RenderCommand.EXIT_REJECTED) {
      throw new IllegalStateException("render exited " + run.exitCode() + ":\n" + run.err());
    }
    // Warnings ("<file>#0: warning: unknown field ...") have no Kind/name part and are not problems.
    Pattern problem = Pattern.compile("^" + Pattern.quote(file.toString()) + "#\\d+: [^\\s/]+/\\S+: (\\S+): ");
    Set<String> fields = run.err().lines().map(problem::matcher).filter(Matcher::find).map(m -> m.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
    return new OfflineVerdict(run.exitCode() == 0, fields, run.err());
  }
}
