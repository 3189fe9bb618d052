package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/control-plane up/status/down}, as a user runs them: {@code up} prints the KUBECONFIG of a real API
 * server serving the operator's CRDs and stays up, {@code status} sees it from another process, {@code down}
 * stops it (the {@code up} process ends) and {@code status} then reports nothing running.
 */
class ControlPlaneScriptIT {

  private static final String NAME = "script-it";

  @Test
  void upServesAnApiServerUntilDownStopsIt() throws Exception {
    Path root = TestDirectories.repositoryRoot();
    Path state = Files.createTempDirectory(TestDirectories.buildDirectory(), "control-plane-script");
    Process up = script(root, state, "up", "--name", NAME).start();
    try {
      Map<String, String> printed = new HashMap<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (!printed.containsKey("API_SERVER") && (line = out.readLine()) != null) {
          String[] pair = line.split("=", 2);
          printed.put(pair[0], pair.length == 2 ? pair[1] : "");
        }
        assertThat(printed).containsKeys("KUBECONFIG", "API_SERVER");
        Config config = Config.fromKubeconfig(Files.readString(Path.of(printed.get("KUBECONFIG"))));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
          assertThat(client.apiextensions().v1().customResourceDefinitions().withName("serviceroutes.routing.router.io")
              .get()).isNotNull();
        }
        assertThat(exitCode(script(root, state, "status", "--name", NAME))).isZero();

        assertThat(exitCode(script(root, state, "down", "--name", NAME))).isZero();
        assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("up ends once down stopped it").isTrue();
        assertThat(exitCode(script(root, state, "status", "--name", NAME))).isNotZero();
      }
    } finally {
      up.destroyForcibly();
    }
  }

  private static ProcessBuilder script(Path root, Path state, String... args) {
    List<String> command = new ArrayList<>(List.of(root.resolve("scripts/control-plane").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
        .redirectError(TestDirectories.logDirectory("control-plane-script").resolve(args[0] + ".log").toFile());
    builder.environment().put("SERVICEROUTER_STATE", state.toString());
    builder.environment().put("SR_BUILD_DIR", TestDirectories.buildDirectory().getFileName().toString());
    return builder;
  }

  private static int exitCode(ProcessBuilder builder) throws Exception {
    Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }
}
