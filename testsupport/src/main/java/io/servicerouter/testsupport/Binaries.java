package io.servicerouter.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The programs the harness starts and the external CRDs it installs. The Go programs (etcd, kube-apiserver,
 * kube-controller-manager, external-dns, and the deploy tools helm and promtool) and the CRD files come from the
 * caches that {@code scripts/control-plane build} fills; BIND's tools come from Debian packages on the
 * {@code PATH}.
 *
 * @param binDirectory the directory of the control plane's Go programs ({@code CONTROL_PLANE_BIN})
 * @param crdDirectory the directory of {@code istio-gateway.yaml} and {@code dnsendpoint.yaml}
 *     ({@code CONTROL_PLANE_CRDS})
 * @param toolsDirectory the directory of helm and promtool ({@code DEPLOY_TOOLS_BIN})
 * @param monitoringCrdDirectory the directory of {@code servicemonitor.yaml} and {@code prometheusrule.yaml}
 *     ({@code DEPLOY_TOOLS_CRDS})
 */
public record Binaries(Path binDirectory, Path crdDirectory, Path toolsDirectory, Path monitoringCrdDirectory) {

  private static final List<String> VARIABLES =
      List.of("CONTROL_PLANE_BIN", "CONTROL_PLANE_CRDS", "DEPLOY_TOOLS_BIN", "DEPLOY_TOOLS_CRDS");

  private static final String HOW_TO_FIX = "run scripts/control-plane build (from the repository root)";
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(45);
  private static Binaries located;

  /**
   * The directories from the environment variables {@code CONTROL_PLANE_BIN}, {@code CONTROL_PLANE_CRDS},
   * {@code DEPLOY_TOOLS_BIN} and {@code DEPLOY_TOOLS_CRDS} when all are set, otherwise from one run of
   * {@code scripts/control-plane env} (which builds cold caches first); looked up once per JVM.
   */
  public static synchronized Binaries locate() {
    if (located == null) {
      Map<String, String> env = fromEnvironment().orElseGet(Binaries::fromScript);
      located = new Binaries(Path.of(env.get("CONTROL_PLANE_BIN")), Path.of(env.get("CONTROL_PLANE_CRDS")),
          Path.of(env.get("DEPLOY_TOOLS_BIN")), Path.of(env.get("DEPLOY_TOOLS_CRDS")));
    }
    return located;
  }

  /** The etcd server. */
  public Path etcd() {
    return goProgram("etcd");
  }

  /** kube-apiserver. */
  public Path kubeApiserver() {
    return goProgram("kube-apiserver");
  }

  /** kube-controller-manager. */
  public Path kubeControllerManager() {
    return goProgram("kube-controller-manager");
  }

  /** ExternalDNS. */
  public Path externalDns() {
    return goProgram("external-dns");
  }

  /** helm, which renders, lints and installs the chart. */
  public Path helm() {
    return program(toolsDirectory, "helm");
  }

  /** promtool, which checks and unit-tests the chart's alerting rules. */
  public Path promtool() {
    return program(toolsDirectory, "promtool");
  }

  /** A prometheus-operator CRD file by name ({@code servicemonitor.yaml} or {@code prometheusrule.yaml}). */
  public Path monitoringCrd(String fileName) {
    return required(monitoringCrdDirectory.resolve(fileName));
  }

  /** An external CRD file by name ({@code istio-gateway.yaml} or {@code dnsendpoint.yaml}). */
  public Path crd(String fileName) {
    return required(crdDirectory.resolve(fileName));
  }

  /**
   * A tool from a Debian package (named, named-checkconf, tsig-keygen, openssl), searched on the {@code PATH}
   * and in {@code /usr/sbin} (which a non-root {@code PATH} may lack).
   */
  public static Path systemTool(String name) {
    Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"));
    return Stream.concat(path, Stream.of("/usr/sbin", "/usr/bin", "/sbin"))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " not found on the PATH: " + HOW_TO_FIX
            + " (it installs bind9, bind9-utils, bind9-dnsutils and openssl)"));
  }

  private Path goProgram(String name) {
    return program(binDirectory, name);
  }

  private static Path program(Path directory, String name) {
    Path program = required(directory.resolve(name));
    if (!Files.isExecutable(program)) {
      throw new IllegalStateException(program + " is not executable: " + HOW_TO_FIX);
    }
    return program;
  }

  private static Path required(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file + " is missing: " + HOW_TO_FIX);
    }
    return file;
  }

  private static Optional<Map<String, String>> fromEnvironment() {
    Map<String, String> env = VARIABLES.stream().filter(v -> System.getenv(v) != null && !System.getenv(v).isBlank())
        .collect(Collectors.toMap(v -> v, System::getenv));
    return env.size() == VARIABLES.size() ? Optional.of(env) : Optional.empty();
  }

  private static Map<String, String> fromScript() {
    Path root = TestDirectories.repositoryRoot();
    Path script = root.resolve("scripts/control-plane");
    String out;
    try {
      out = Command.run(root, SCRIPT_TIMEOUT, List.of(script.toString(), "env"));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot locate the control-plane binaries: " + HOW_TO_FIX, e);
    }
    Map<String, String> env = out.lines()
        .filter(l -> l.contains("=") && VARIABLES.contains(l.substring(0, l.indexOf('='))))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
    if (!env.keySet().containsAll(VARIABLES)) {
      throw new IllegalStateException(script + " env printed not all of " + VARIABLES + ": " + HOW_TO_FIX + "\n" + out);
    }
    return env;
  }
}
