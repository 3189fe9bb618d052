package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/java-home}, which chooses the JDK the image jlinks and {@code ./servicerouter operator} runs on,
 * and which JVM option files of {@code app/src/main/jvm/} apply to it (both pass the files it names).
 */
class JavaHomeScriptTest {

  private static final Path ROOT = TestDirectories.repositoryRoot();

  @Test
  void theChosenJdkCanBeOverriddenAndComesWithItsFeatureVersion() throws Exception {
    String javaHome = Path.of(System.getProperty("java.home")).toRealPath().toString();
    assertThat(run(Map.of("SERVICEROUTER_JAVA_HOME", javaHome)))
        .containsExactly(javaHome, String.valueOf(Runtime.version().feature()));
  }

  @Test
  void withoutAnOverrideItChoosesAJdkNoOlderThanTheOneOnPath() throws Exception {
    List<String> onPath = run(Map.of(), "--on-path");
    List<String> chosen = run(Map.of());
    assertThat(chosen).hasSize(2);
    assertThat(Path.of(chosen.get(0), "bin", "jlink")).isExecutable();
    assertThat(Integer.parseInt(chosen.get(1))).isGreaterThanOrEqualTo(Integer.parseInt(onPath.get(1)));
  }

  @Test
  void anOptionFileNamedAfterAJdkVersionAppliesFromThatVersionOn() throws Exception {
    assertThat(run(Map.of(), "--options", "17")).containsExactly("jvm.options");
    assertThat(run(Map.of(), "--options", "24")).containsExactly("jvm.options");
    assertThat(run(Map.of(), "--options", "25")).containsExactly("jvm.options", "jvm-25.options");
    assertThat(ROOT.resolve("app/src/main/jvm/jvm.options")).isRegularFile();
    assertThat(ROOT.resolve("app/src/main/jvm/jvm-25.options")).isRegularFile();
  }

  private static List<String> run(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("scripts/java-home").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().remove("SERVICEROUTER_JAVA_HOME");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("scripts/java-home %s", command).isZero();
    return output.lines().toList();
  }
}
