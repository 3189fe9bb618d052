package io.servicerouter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of the {@code servicerouter} command with captured output.
 *
 * @param exitCode the exit status
 * @param out what was printed on stdout
 * @param err what was printed on stderr
 */
public record CliRun(int exitCode, String out, String err) {

  /** Runs the command line in this JVM. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = ServiceRouterCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
