package io.servicerouter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code valid-*.yaml} fixture renders (exit 0) and every {@code invalid-*.yaml} fixture is rejected
 * with exit 2 and a line naming the field, as given by its {@code # expect:} header.
 */
class ValidationFixturesTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static List<Path> fixtures(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  static List<Path> valid() throws IOException {
    return fixtures("valid-");
  }

  static List<Path> invalid() throws IOException {
    return fixtures("invalid-");
  }

  /** The expected problem ({@code <field>: <reason prefix>}) from the fixture's first line. */
  static String expectation(Path fixture) throws IOException {
    String first = Files.readAllLines(fixture).get(0);
    assertThat(first).startsWith("# expect: ");
    return first.substring("# expect: ".length());
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validFixtureRenders(Path fixture) {
    CliRun run = CliRun.of("render", "-f", fixture.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("error", ": spec");
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidFixtureIsRejectedNamingTheField(Path fixture) throws IOException {
    CliRun run = CliRun.of("render", "-f", fixture.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(RenderCommand.EXIT_REJECTED);
    assertThat(run.out()).isEmpty();
    String kindAndName = Files.readAllLines(fixture).stream()
        .filter(l -> l.startsWith("kind: ")).findFirst().orElseThrow().substring("kind: ".length());
    assertThat(run.err().lines())
        .anySatisfy(line -> assertThat(line)
            .startsWith(fixture + "#0: " + kindAndName + "/")
            .contains(": " + expectation(fixture)));
  }
}
