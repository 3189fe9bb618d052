package io.servicerouter.cli;

import picocli.CommandLine;

/** The project's command-line conventions, shared by the {@code servicerouter} command and tests of its parts. */
public final class CommandLines {

  /** Exit code for usage errors (unknown option, missing required option), as SPEC §6 requires. */
  public static final int EXIT_USAGE = 1;

  private CommandLines() {}

  /** A command line for the command that prints a usage error with the usage and exits {@link #EXIT_USAGE}. */
  public static CommandLine of(Object command) {
    return withConventions(new CommandLine(command));
  }

  /** The same conventions applied to a command line that is already built (with its subcommands added). */
  public static CommandLine withConventions(CommandLine commandLine) {
    return commandLine
        .setParameterExceptionHandler((e, args) -> {
          e.getCommandLine().getErr().println(e.getMessage());
          e.getCommandLine().usage(e.getCommandLine().getErr());
          return EXIT_USAGE;
        });
  }
}
