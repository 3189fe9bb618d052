package io.servicerouter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The joined command: every subcommand is reachable, only the named one is built, help and version exit 0, usage
 * errors exit 1.
 */
class ServiceRouterCommandTest {

  private record Run(int exitCode, String out) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = ServiceRouterCommand.commandLine(args);
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(new StringWriter()));
    return new Run(commandLine.execute(args), out.toString());
  }

  @Test
  void helpListsEverySubcommandAndExitsZero() {
    Run help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("operator", "render", "migrate-helm-values", "version");
  }

  @Test
  void versionExitsZeroOnTheCommandAndOnSubcommands() {
    assertThat(run("version").exitCode()).isZero();
    Run operatorVersion = run("operator", "--version");
    assertThat(operatorVersion.exitCode()).isZero();
    assertThat(operatorVersion.out()).startsWith("servicerouter ");
  }

  @Test
  void onlyTheNamedSubcommandIsBuilt() {
    assertThat(ServiceRouterCommand.commandLine("operator", "--kubeconfig", "x").getSubcommands())
        .containsOnlyKeys("operator");
    assertThat(ServiceRouterCommand.commandLine("render").getSubcommands()).containsOnlyKeys("render");
    assertThat(ServiceRouterCommand.commandLine("--help").getSubcommands())
        .containsOnlyKeys("operator", "render", "migrate-helm-values", "zone-agent", "version");
  }

  @Test
  void aSubcommandIsRequired() {
    assertThat(run().exitCode()).isEqualTo(1);
    assertThat(run("--bogus").exitCode()).isEqualTo(1);
  }
}
