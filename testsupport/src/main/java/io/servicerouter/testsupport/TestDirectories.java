package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the harness writes: the Maven build directory ({@code target}, or the {@code -Dsr.build.dir} of a
 * parallel build), so that logs and state never land in the source tree and every build has its own.
 */
public final class TestDirectories {

  private TestDirectories() {}

  /**
   * The build directory: system property {@code project.build.directory} when set, otherwise the parent of
   * the directory the test classes were loaded from ({@code <build dir>/test-classes}).
   */
  public static Path buildDirectory() {
    String property = System.getProperty("project.build.directory");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    try {
      Path testClasses = Path.of(TestDirectories.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.toAbsolutePath().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot tell where the test classes are", e);
    }
  }

  /**
   * The repository root: the nearest directory holding {@code scripts/control-plane}, searched upwards from the
   * Maven module's basedir (system property {@code basedir}) or else the working directory.
   */
  public static Path repositoryRoot() {
    String basedir = System.getProperty("basedir");
    Path start = (basedir != null && !basedir.isBlank() ? Path.of(basedir) : Path.of("")).toAbsolutePath();
    for (Path directory = start; directory != null; directory = directory.getParent()) {
      if (Files.isRegularFile(directory.resolve("scripts/control-plane"))) {
        return directory;
      }
    }
    throw new IllegalStateException("no scripts/control-plane in " + start + " or above: not inside the repository");
  }

  /** {@code <build dir>/it-logs}, created: process logs and measurements, kept after the run for reading. */
  public static Path logRoot() {
    return created(buildDirectory().resolve("it-logs"));
  }

  /** {@code <build dir>/it-logs/<name>}, created: the logs of one group of processes. */
  public static Path logDirectory(String name) {
    return created(logRoot().resolve(name));
  }

  /** {@code <build dir>/it-state}, created: PKI, configuration, data and PID files of the started processes. */
  public static Path stateRoot() {
    return created(buildDirectory().resolve("it-state"));
  }

  /** Creates the directory and its parents if needed and returns it. */
  static Path created(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
