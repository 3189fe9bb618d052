package io.servicerouter.app;

import io.servicerouter.cli.CommandLines;
import io.servicerouter.cli.migrate.MigrateHelmValuesCommand;
import io.servicerouter.cli.render.RenderCommand;
import io.servicerouter.operator.OperatorCommand;
import io.servicerouter.zoneagent.ZoneAgentCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code servicerouter} executable: one entry point for the operator and its offline tools. */
@Command(name = "servicerouter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "DNS names and Istio ingress gateways for multi-region Kubernetes platforms.")
public final class ServiceRouterCommand implements Runnable {

  /**
   * The subcommands, in the order the help lists them. Only the one the command line names is built: building a
   * subcommand's model reads all its annotations, and the four the operator does not run cost a tenth of a
   * second of its start (docs/benchmarks.md, issue 16).
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(OperatorCommand.class, RenderCommand.class,
      MigrateHelmValuesCommand.class, ZoneAgentCommand.class, VersionCommand.class);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /**
   * Builds the command line for {@code args} with the project's exit-code conventions and the version on every
   * subcommand: with only the subcommand that {@code args} starts with, or with all of them (for the help and
   * the usage errors) when it starts with none.
   */
  public static CommandLine commandLine(String... args) {
    CommandLine commandLine = new CommandLine(new ServiceRouterCommand());
    subcommandsFor(args).forEach(commandLine::addSubcommand);
    commandLine.getSubcommands().values()
        .forEach(subcommand -> subcommand.getCommandSpec().versionProvider(new VersionProvider()));
    return CommandLines.withConventions(commandLine);
  }

  private static List<Class<?>> subcommandsFor(String[] args) {
    return SUBCOMMANDS.stream()
        .filter(subcommand -> args.length > 0 && subcommand.getAnnotation(Command.class).name().equals(args[0]))
        .findFirst()
        .map(List::<Class<?>>of)
        .orElse(SUBCOMMANDS);
  }

  /**
   * Runs the CLI and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    keepAsyncTasksOnPooledThreads();
    System.exit(commandLine(args).execute(args));
  }

  /**
   * On one or two CPUs the JDK gives the common ForkJoinPool a parallelism of 1, and CompletableFuture then runs
   * every async continuation on a new thread; the Kubernetes client's HTTP responses are such continuations, so
   * the operator started thousands of threads a minute under load. A parallelism of 2 keeps them pooled. Set
   * before anything loads CompletableFuture, which reads it once; an explicit setting is respected.
   */
  private static void keepAsyncTasksOnPooledThreads() {
    String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
    if (System.getProperty(property) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(property, "2");
    }
  }
}
