package io.servicerouter.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.BuildVersion;
import io.servicerouter.model.Json;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.testsupport.ChartIdentity;
import io.servicerouter.testsupport.Command;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.FreePorts;
import io.servicerouter.testsupport.HelmChart;
import io.servicerouter.testsupport.TestDirectories;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's container image: {@code scripts/image} builds it from the packaged jar with podman; it has no
 * shell, runs as user 65532 with the OCI labels, and the operator started from it as the Helm chart runs it — the
 * chart Deployment's arguments, read-only root filesystem, non-root, authenticated with a token of the chart's
 * ServiceAccount and nothing else — wins the leader election, becomes ready against a real API server and
 * reconciles the cluster singletons.
 * Uses podman with the flags this machine needs (docs/operations.md); scripts/test installs podman.
 */
class ImageIT {

  private static final String TAG = "localhost/service-router-operator:it";
  private static final List<String> PODMAN = List.of("podman", "--cgroup-manager=cgroupfs");
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static ControlPlane controlPlane;
  private static Path rootfs;

  @BeforeAll
  static void buildImage() throws Exception {
    Path root = TestDirectories.repositoryRoot();
    String buildDir = TestDirectories.buildDirectory().getFileName().toString();
    ProcessBuilder build = new ProcessBuilder(root.resolve("scripts/image").toString(), "--no-build", "--tag", TAG)
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(TestDirectories.logDirectory("image").resolve("build.log").toFile());
    build.environment().put("SR_BUILD_DIR", buildDir);
    build.environment().put("CONTAINER_ENGINE_FLAGS", "--cgroup-manager=cgroupfs");
    build.environment().put("IMAGE_SOURCE_URL", "https://example.org/service-router-operator.git");
    Process process = build.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("scripts/image finished").isTrue();
    assertThat(process.exitValue()).as("scripts/image exit status (log: it-logs/image/build.log)").isZero();
    rootfs = root.resolve("app").resolve(buildDir).resolve("image/rootfs");
    controlPlane = ControlPlane.start("image");
  }

  @AfterAll
  static void stop() {
    if (controlPlane != null) {
      controlPlane.close();
    }
  }

  @Test
  void theImageRunsAsNonRootWithoutAShellAndCarriesItsLabels() throws Exception {
    assertThat(podman("image", "inspect", "--format", "{{.Config.User}}", TAG)).isEqualTo("65532:65532");
    assertThat(podman("image", "inspect", "--format",
        "{{index .Config.Labels \"org.opencontainers.image.version\"}} {{index .Config.Labels \"org.opencontainers.image.source\"}}",
        TAG)).isEqualTo(BuildVersion.current() + " https://example.org/service-router-operator.git");
    assertThat(Long.parseLong(podman("image", "inspect", "--format", "{{.Size}}", TAG))).isLessThan(200L << 20);
    assertThat(rootfs.resolve("bin")).doesNotExist();
    assertThat(rootfs.resolve("opt/java/bin/java")).exists();
  }

  @Test
  void theEntrypointMapsTheClassDataOfTheBuildTimeTrainingRun() throws Exception {
    List<String> entrypoint = List.of(podman("image", "inspect", "--format", "{{json .Config.Entrypoint}}", TAG)
        .replaceAll("[\\[\\]\"]", "").split(","));
    String classData = entrypoint.stream().filter(flag -> flag.startsWith("-XX:AOTCache=")
        || flag.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
    // With these switches the JVM exits with an error instead of starting without the class data.
    String required = classData.startsWith("-XX:AOTCache=") ? "-XX:AOTMode=on" : "-Xshare:on";
    List<String> run = new ArrayList<>(PODMAN);
    run.addAll(List.of("run", "--runtime", "runc", "--rm", "--read-only", "--ulimit", "nofile=1024:1024",
        "--ulimit", "nproc=1024:1024", "--entrypoint", entrypoint.get(0), TAG));
    assertThat(podman("image", "inspect", "--format", "{{json .Config.Cmd}}", TAG)).as("the default subcommand")
        .isEqualTo("[\"operator\"]");
    int jar = entrypoint.indexOf("-jar");
    run.addAll(entrypoint.subList(1, jar));
    run.add(required);
    run.addAll(entrypoint.subList(jar, entrypoint.size()));
    run.add("version");
    assertThat(exec(run)).isEqualTo(BuildVersion.current());
  }

  @Test
  void theOperatorFromTheImageReconcilesWithAReadOnlyRootFilesystem() throws Exception {
    Path kubeconfig = Files.createTempFile("image-it", ".kubeconfig",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    Files.copy(ChartIdentity.kubeconfig(controlPlane), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
    int healthPort = FreePorts.tcp();
    String container = "servicerouter-image-it";
    podman("rm", "--force", "--ignore", container);
    List<String> run = new ArrayList<>(PODMAN);
    run.addAll(List.of("run", "--runtime", "runc", "--detach", "--name", container, "--network=host", "--read-only",
        "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024",
        "--env", "POD_NAMESPACE=" + ChartIdentity.NAMESPACE,
        "--volume", kubeconfig + ":/kube/config:ro", TAG));
    // The chart's arguments (the subcommand first), with the ports moved: the container shares the host's network.
    run.addAll(chartArguments(Map.of("--metrics-bind-address", "127.0.0.1:" + FreePorts.tcp(),
        "--health-probe-bind-address", "127.0.0.1:" + healthPort)));
    run.addAll(List.of("--kubeconfig", "/kube/config"));
    assertThat(exec(run)).isNotBlank();
    try {
      HttpClient http = HttpClient.newHttpClient();
      await("the operator in the container ready").atMost(TIMEOUT).ignoreExceptions().until(() -> http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/readyz")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

      KubernetesClient client = controlPlane.client();
      client.resource(Json.read("""
          apiVersion: cluster.router.io/v1alpha1
          kind: ClusterIdentity
          metadata: {name: cluster-identity}
          spec: {region: weu, cluster: aks01, domain: example.com, environmentLetter: p}
          """, ClusterIdentity.class)).create();
      client.resource(Json.read("""
          apiVersion: cluster.router.io/v1alpha1
          kind: DNSConfiguration
          metadata: {name: dns-config}
          spec:
            externalDNSControllers:
            - {name: external-dns-weu, region: weu}
          """, DNSConfiguration.class)).create();
      await("ClusterIdentity Active").atMost(TIMEOUT).until(() -> {
        ClusterIdentity identity = client.resources(ClusterIdentity.class).withName("cluster-identity").get();
        return identity.getStatus() != null && "Active".equals(identity.getStatus().getPhase());
      });
      assertThat(podman("inspect", "--format", "{{.State.Running}} {{.HostConfig.ReadonlyRootfs}}", container))
          .isEqualTo("true true");
      Lease lease = client.leases().inNamespace(ChartIdentity.NAMESPACE).withName("3afd9a04.router.io").get();
      assertThat(lease.getSpec().getHolderIdentity()).as("the operator in the container holds the Lease").isNotBlank();
      assertThat(containerLog(container)).as("the operator's log lines (JSON on standard error)")
          .contains("\"operator started: ");
    } finally {
      Files.writeString(TestDirectories.logDirectory("image").resolve("operator.log"), containerLog(container));
      podman("rm", "--force", container);
      Files.deleteIfExists(kubeconfig);
    }
  }

  /**
   * The container arguments of the chart's operator Deployment (default values), each {@code --flag=value} whose
   * flag is a key of {@code replaced} given that value instead.
   */
  private static List<String> chartArguments(Map<String, String> replaced) {
    String deployment = HelmChart.locate().template(ChartIdentity.RELEASE, ChartIdentity.NAMESPACE,
        List.of("--show-only", "templates/deployment.yaml"));
    List<String> arguments = new ArrayList<>();
    Json.serialization().unmarshal(deployment, Deployment.class).getSpec().getTemplate().getSpec().getContainers()
        .get(0).getArgs().forEach(argument -> {
          String flag = argument.split("=", 2)[0];
          arguments.add(replaced.containsKey(flag) ? flag + "=" + replaced.get(flag) : argument);
        });
    assertThat(arguments).as("chart arguments").contains("--leader-elect=true", "--log-format=json");
    return arguments;
  }

  private static String podman(String... args) {
    List<String> command = new ArrayList<>(PODMAN);
    command.addAll(List.of(args));
    return exec(command);
  }

  /** What the container wrote to standard output and standard error (podman gives the latter on its own). */
  private static String containerLog(String container) {
    List<String> command = new ArrayList<>(PODMAN);
    command.addAll(List.of("logs", container));
    return Command.runMergingErrors(Path.of("."), Duration.ofMinutes(2), command).trim();
  }

  private static String exec(List<String> command) {
    return Command.run(Path.of("."), Duration.ofMinutes(2), command).trim();
  }
}
