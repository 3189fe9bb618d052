package io.servicerouter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.cli.CliRun;
import io.servicerouter.cli.GoldenCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file tests of the planner through {@code render --status}: every directory under
 * {@code src/test/resources/golden/} holds {@code input.yaml}, optionally {@code args} (extra render options,
 * one per line) and {@code expected.yaml}; the rendered documents must equal the expected ones (compared as
 * parsed documents). Regenerate after an intended change with {@code -Dgolden.update=true} and review the diff.
 */
class PlannerGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<String> cases() throws IOException {
    return GoldenCases.under(GOLDEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void renderMatchesExpected(String name) throws IOException {
    Path dir = GOLDEN.resolve(name);
    CliRun run = CliRun.of(arguments(dir).toArray(String[]::new));
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    Path expected = dir.resolve("expected.yaml");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, run.out());
    }
    assertThat(run.outDocuments()).isEqualTo(CliRun.documents(Files.readString(expected)));
  }

  static List<String> arguments(Path dir) throws IOException {
    List<String> args = new ArrayList<>(List.of("render", "--status", "-f", dir.resolve("input.yaml").toString()));
    Path extra = dir.resolve("args");
    if (Files.exists(extra)) {
      Files.readAllLines(extra).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(args::add);
    }
    return args;
  }

}
