package io.servicerouter.app;

import io.servicerouter.cli.CommandLines;
import io.servicerouter.cli.migrate.MigrateHelmValuesCommand;
import io.servicerouter.cli.render.RenderCommand;
import io.servicerouter.operator.OperatorCommand;
import io.servicerouter.zoneagent.ZoneAgentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code servicerouter} executable: one entry point for the operator and its offline tools. */
@Command(name = "servicerouter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "DNS names and Istio ingress gateways for multi-region Kubernetes platforms.",
    subcommands = {OperatorCommand.class, RenderCommand.class, MigrateHelmValuesCommand.class,
        ZoneAgentCommand.class, VersionCommand.class})
public final class ServiceRouterCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Builds the command line with the project's exit-code conventions and the version on every subcommand. */
  public static CommandLine commandLine() {
    CommandLine commandLine = CommandLines.of(new ServiceRouterCommand());
    commandLine.getSubcommands().values()
        .forEach(subcommand -> subcommand.getCommandSpec().versionProvider(new VersionProvider()));
    return commandLine;
  }

  /**
   * Runs the CLI and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    keepAsyncTasksOnPooledThreads();
    System.exit(commandLine().execute(args));
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
