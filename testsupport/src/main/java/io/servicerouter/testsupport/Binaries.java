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
 * kube-controller-manager, external-dns) and the CRD files come from the cache that
 * {@code scripts/control-plane build} fills; BIND's tools come from Debian packages on the {@code PATH}.
 *
 * @param binDirectory the directory of the Go programs ({@code CONTROL_PLANE_BIN})
 * @param crdDirectory the directory of {@code istio-gateway.yaml} and {@code dnsendpoint.yaml}
 *     ({@code CONTROL_PLANE_CRDS})
 */
public record Binaries(Path binDirectory, Path crdDirectory) {

  private static final String HOW_TO_FIX = "run scripts/control-plane build (from the repository root)";
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(45);
  private static Binaries located;

  /**
   * The directories from the environment variables {@code CONTROL_PLANE_BIN} and {@code CONTROL_PLANE_CRDS}
   * when both are set, otherwise from one run of {@code scripts/control-plane env} (which builds a cold cache
   * first); looked up once per JVM.
   */
  public static synchronized Binaries locate() {
    if (located == null) {
      Map<String, String> env = fromEnvironment().orElseGet(Binaries::fromScript);
      located = new Binaries(Path.of(env.get("CONTROL_PLANE_BIN")), Path.of(env.get("CONTROL_PLANE_CRDS")));
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
    Path program = required(binDirectory.resolve(name));
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
    String bin = System.getenv("CONTROL_PLANE_BIN");
    String crds = System.getenv("CONTROL_PLANE_CRDS");
    if (bin == null || bin.isBlank() || crds == null || crds.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Map.of("CONTROL_PLANE_BIN", bin, "CONTROL_PLANE_CRDS", crds));
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
        .filter(l -> l.startsWith("CONTROL_PLANE_") && l.contains("="))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
    if (!env.containsKey("CONTROL_PLANE_BIN") || !env.containsKey("CONTROL_PLANE_CRDS")) {
      throw new IllegalStateException(script + " env printed no CONTROL_PLANE_BIN/CONTROL_PLANE_CRDS: " + HOW_TO_FIX
          + "\n" + out);
    }
    return env;
  }
}
