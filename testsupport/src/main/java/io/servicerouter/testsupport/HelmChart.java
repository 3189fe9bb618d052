package io.servicerouter.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's Helm chart ({@code charts/service-router-operator}) and the {@code helm} program that
 * {@code scripts/control-plane build} builds: renders and installs the chart the way a user does, so tests and
 * the failover drill use exactly what the chart produces.
 */
public final class HelmChart {

  /** The chart directory, relative to the repository root. */
  public static final String CHART = "charts/service-router-operator";

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Path helm;
  private final Path chart;

  private HelmChart(Path helm, Path chart) {
    this.helm = helm;
    this.chart = chart;
  }

  /** The chart of this checkout, with the cached {@code helm}. */
  public static HelmChart locate() {
    return new HelmChart(Binaries.locate().helm(), TestDirectories.repositoryRoot().resolve(CHART));
  }

  /** The chart directory. */
  public Path directory() {
    return chart;
  }

  /**
   * {@code helm template RELEASE CHART --namespace NAMESPACE ARGS...}: the rendered manifests.
   *
   * @throws IllegalStateException with helm's error output when rendering fails (for example a value the
   *     chart's schema rejects)
   */
  public String template(String release, String namespace, List<String> args) {
    List<String> argv = new ArrayList<>(List.of("template", release, chart.toString(), "--namespace", namespace));
    argv.addAll(args);
    return helm(argv);
  }

  /**
   * Runs {@code helm ARGS...} with the environment's Helm settings and returns its standard output.
   *
   * @throws IllegalStateException with helm's error output when it exits non-zero
   */
  public String helm(List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(helm.toString());
    argv.addAll(args);
    return Command.run(chart, TIMEOUT, argv);
  }
}
