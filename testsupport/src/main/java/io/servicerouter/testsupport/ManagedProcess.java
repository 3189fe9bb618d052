package io.servicerouter.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A long-running child process of the test JVM (etcd, kube-apiserver, named, external-dns, ...): its output
 * goes to a log file, its PID to a PID file, and it is stopped when asked or at JVM exit.
 */
public final class ManagedProcess {

  /** How long a process gets between SIGTERM and SIGKILL. */
  static final Duration GRACE = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final int TAIL_BYTES = 64 * 1024;

  private final String name;
  private final List<String> argv;
  private final Map<String, String> environment;
  private final Process process;
  private final Path logFile;
  private final Path pidFile;
  private volatile boolean stopRequested;

  private ManagedProcess(String name, List<String> argv, Map<String, String> environment, Process process,
      Path logFile, Path pidFile) {
    this.name = name;
    this.argv = List.copyOf(argv);
    this.environment = Map.copyOf(environment);
    this.process = process;
    this.logFile = logFile;
    this.pidFile = pidFile;
  }

  /**
   * Starts {@code argv} (whose first element is the program's absolute path) with standard output and error
   * to {@code <logDirectory>/<name>.log} and its PID in {@code <runDirectory>/<name>.pid}.
   */
  public static ManagedProcess start(String name, List<String> argv, Path logDirectory, Path runDirectory) {
    return start(name, argv, Map.of(), logDirectory, runDirectory);
  }

  /**
   * As {@link #start(String, List, Path, Path)}, with {@code environment} added to the inherited environment
   * (for a secret that must not show in the command line).
   */
  public static ManagedProcess start(String name, List<String> argv, Map<String, String> environment,
      Path logDirectory, Path runDirectory) {
    Path logFile = logDirectory.resolve(name + ".log");
    return launch(name, argv, environment, logFile, runDirectory.resolve(name + PidFile.SUFFIX),
        ProcessBuilder.Redirect.to(logFile.toFile()));
  }

  /**
   * Starts this process's command again (same arguments, environment and PID file), appending to the same log,
   * for a restart in a fault-injection test. The returned process replaces this one.
   *
   * @throws IllegalStateException if this process still runs
   */
  public ManagedProcess startAgain() {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " still runs (PID " + process.pid() + "): stop it first");
    }
    return launch(name, argv, environment, logFile, pidFile, ProcessBuilder.Redirect.appendTo(logFile.toFile()));
  }

  private static ManagedProcess launch(String name, List<String> argv, Map<String, String> environment,
      Path logFile, Path pidFile, ProcessBuilder.Redirect output) {
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(argv)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(output);
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + argv.get(0) + ")", e);
    }
    new PidFile(process.pid(), argv.get(0)).write(pidFile);
    ManagedProcess started = new ManagedProcess(name, argv, environment, process, logFile, pidFile);
    ChildProcesses.add(started);
    return started;
  }

  /** The name given at start, also the log file's name. */
  public String name() {
    return name;
  }

  /** The operating system's process id, e.g. to read the process's CPU time in benchmarks. */
  public long pid() {
    return process.pid();
  }

  /** The file that receives the process's standard output and error. */
  public Path logFile() {
    return logFile;
  }

  /** True while the process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** True if the process ended without being asked to stop, that is, it failed. */
  boolean exitedOnItsOwn() {
    return !stopRequested && !process.isAlive();
  }

  /**
   * Polls {@code probe} until it returns true; a probe that throws counts as not ready yet.
   *
   * @throws IllegalStateException with the log tail if the process exits first or {@code timeout} passes
   */
  public void awaitReady(String what, Duration timeout, BooleanSupplier probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!probeQuietly(probe)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while waiting for " + what
            + "\n" + tail(40));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no " + what + " after " + timeout.toSeconds() + " s\n" + tail(40));
      }
      sleep(POLL);
    }
  }

  /** The last {@code lines} lines of the log, headed by the log file's path, for failure messages. */
  public String tail(int lines) {
    List<String> last = new ArrayList<>();
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long start = Math.max(0, file.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      last.addAll(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      last.add("(cannot read the log: " + e + ")");
    }
    return "----- last lines of " + logFile + "\n" + String.join("\n", last);
  }

  /** Stops the process: SIGTERM, then SIGKILL after {@link #GRACE}; removes its PID file. */
  public void stop() {
    stopRequested = true;
    process.destroy();
    if (!awaitExit(GRACE)) {
      process.destroyForcibly();
      awaitExit(GRACE);
    }
    if (!process.isAlive()) {
      deleteQuietly(pidFile);
    }
  }

  /**
   * Kills the process at once (SIGKILL), as a crash would, and waits for its exit; removes its PID file. Used
   * to inject faults: etcd given SIGTERM waits for its clients' watch streams and needs the SIGKILL anyway.
   */
  public void kill() {
    stopRequested = true;
    process.destroyForcibly();
    if (awaitExit(GRACE)) {
      deleteQuietly(pidFile);
    }
  }

  /**
   * Stops processes one after the other, the last started first: a kube-apiserver that loses etcd while it
   * shuts down waits about 30 s for it, but stops in about a second while etcd still runs.
   */
  static void stopNewestFirst(List<ManagedProcess> processes) {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop();
    }
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static boolean probeQuietly(BooleanSupplier probe) {
    try {
      return probe.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover PID file is harmless: the next run finds its process gone
    }
  }
}
