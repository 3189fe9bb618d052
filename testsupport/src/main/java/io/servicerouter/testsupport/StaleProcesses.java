package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Stops the processes a killed test run left behind (or a control plane that {@code scripts/control-plane down}
 * ends), found through their PID files only: a PID is signalled only while {@code /proc/PID/cmdline} still
 * names the recorded program, so a recycled PID is never touched, and nothing is ever looked up by process name.
 */
final class StaleProcesses {

  private static final Duration POLL = Duration.ofMillis(20);

  private StaleProcesses() {}

  /**
   * Stops every still-running process named by a PID file under {@code root}, newest PID file first (as
   * {@link ManagedProcess#stopNewestFirst} does): SIGTERM, then SIGKILL after {@link ManagedProcess#GRACE}.
   *
   * @throws IllegalStateException if one survives SIGKILL
   */
  static void stop(Path root) {
    runningNewestFirst(root).forEach(StaleProcesses::stop);
  }

  /**
   * Stops one process: SIGTERM, then SIGKILL after {@link ManagedProcess#GRACE}; returns once it is gone.
   *
   * @throws IllegalStateException if it survives SIGKILL
   */
  static void stop(PidFile process) {
    if (!signalled(process, ProcessHandle::destroy) && !signalled(process, ProcessHandle::destroyForcibly)) {
      throw new IllegalStateException("a process survives SIGKILL: " + process);
    }
  }

  /** The still-running processes named by the PID files under {@code root}, newest PID file first. */
  static List<PidFile> runningNewestFirst(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.getFileName().toString().endsWith(PidFile.SUFFIX))
          .sorted(Comparator.comparing(StaleProcesses::modified).reversed())
          .map(PidFile::read).flatMap(Optional::stream)
          .filter(PidFile::stillRunning)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signals the process and returns true once it is gone, false if it still runs after the grace period. */
  private static boolean signalled(PidFile process, Consumer<ProcessHandle> signal) {
    ProcessHandle.of(process.pid()).ifPresent(signal);
    long deadline = System.nanoTime() + ManagedProcess.GRACE.toNanos();
    while (process.stillRunning() && System.nanoTime() < deadline) {
      ManagedProcess.sleep(POLL);
    }
    return !process.stillRunning();
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
