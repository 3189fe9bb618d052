package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/control-plane up/status/down}, as a user runs them. {@code up --detach}, as a program reading
 * its output runs it: it prints the KUBECONFIG of a real API server and returns, leaving the control plane
 * running; {@code status} sees it from another process and {@code down} stops it (the {@code up} JVM ends).
 * {@code up --foreground}, as in a terminal: it prints the same lines and stays until {@code down} stops it.
 */
class ControlPlaneScriptIT {

  private static final String NAME = "script-it";
  private static final String WIDGET_CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.test
      spec:
        group: example.test
        names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget}
        scope: Namespaced
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;

  @Test
  void upDetachedReturnsWithItsLinesAndLeavesTheControlPlaneRunningUntilDown() throws Exception {
    Path root = TestDirectories.repositoryRoot();
    Path state = Files.createTempDirectory(TestDirectories.buildDirectory(), "control-plane-script");
    Path crds = Files.createTempDirectory(TestDirectories.buildDirectory(), "control-plane-script-crds");
    Files.writeString(crds.resolve("widget.yaml"), WIDGET_CRD);
    try {
      Process up = script(root, state, "up", "--detach", "--name", NAME, "--crds", crds.toString()).start();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(up.getInputStream()));
      assertThat(up.waitFor(300, TimeUnit.SECONDS)).as("up --detach returns").isTrue();
      assertThat(up.exitValue()).isZero();
      Map<String, String> printed = keyValues(output.get(10, TimeUnit.SECONDS)); // its standard output was closed
      assertThat(printed).containsKeys("KUBECONFIG", "API_SERVER");
      try (KubernetesClient client = client(printed)) {
        assertThat(client.raw("/readyz")).isEqualTo("ok");
        assertThat(crdNames(client)).as("--crds replaces the operator's CRDs only")
            .contains("widgets.example.test", "dnsendpoints.externaldns.k8s.io", "gateways.networking.istio.io")
            .doesNotContain("serviceroutes.routing.router.io");
      }
      PidFile upJvm = PidFile.read(state.resolve(NAME).resolve("up.pid")).orElseThrow();
      assertThat(upJvm.stillRunning()).isTrue();
      assertThat(PidFile.read(state.resolve(NAME).resolve("run/kube-apiserver.pid")))
          .as("the PID files in <state>/NAME/run").hasValueSatisfying(p -> assertThat(p.stillRunning()).isTrue());
      assertThat(exitCode(script(root, state, "status", "--name", NAME))).isZero();

      assertThat(exitCode(script(root, state, "down", "--name", NAME))).isZero();
      assertThat(upJvm.stillRunning()).as("the up JVM ended").isFalse();
      assertThat(exitCode(script(root, state, "status", "--name", NAME))).isNotZero();
    } finally {
      exitCode(script(root, state, "down", "--name", NAME));
    }
  }

  @Test
  void upInTheForegroundServesAnApiServerUntilDownStopsIt() throws Exception {
    Path root = TestDirectories.repositoryRoot();
    Path state = Files.createTempDirectory(TestDirectories.buildDirectory(), "control-plane-script");
    Process up = script(root, state, "up", "--foreground", "--name", NAME).start();
    try {
      Map<String, String> printed = new HashMap<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (!printed.containsKey("API_SERVER") && (line = out.readLine()) != null) {
          printed.putAll(keyValues(line));
        }
        assertThat(printed).containsKeys("KUBECONFIG", "API_SERVER");
        try (KubernetesClient client = client(printed)) {
          assertThat(crdNames(client)).contains("serviceroutes.routing.router.io");
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

  /** The KEY=VALUE lines of {@code text}. */
  private static Map<String, String> keyValues(String text) {
    Map<String, String> pairs = new HashMap<>();
    text.lines().map(line -> line.split("=", 2)).filter(pair -> pair.length == 2)
        .forEach(pair -> pairs.put(pair[0], pair[1]));
    return pairs;
  }

  /** Reads to the end of the stream: returns once every process holding its other end has closed it. */
  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KubernetesClient client(Map<String, String> printed) throws IOException {
    Config config = Config.fromKubeconfig(Files.readString(Path.of(printed.get("KUBECONFIG"))));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static List<String> crdNames(KubernetesClient client) {
    return client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
        .map(crd -> crd.getMetadata().getName()).toList();
  }
}
