package io.servicerouter.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived tool (openssl, tsig-keygen, named-checkconf, the control-plane script) and returns its output. */
public final class Command {

  private Command() {}

  /**
   * Runs {@code argv} in {@code directory}, without input, and returns its standard output.
   *
   * @throws IllegalStateException naming the command, its exit code and its standard error when it fails, or
   *     when it is still running after {@code timeout} (it is then killed)
   */
  public static String run(Path directory, Duration timeout, List<String> argv) {
    return run(directory, timeout, argv, false);
  }

  /**
   * Like {@link #run}, but returns standard output and standard error as one text, interleaved as the command
   * wrote them: for tools that pass on another program's two streams, such as {@code podman logs}.
   */
  public static String runMergingErrors(Path directory, Duration timeout, List<String> argv) {
    return run(directory, timeout, argv, true);
  }

  private static String run(Path directory, Duration timeout, List<String> argv, boolean mergeErrors) {
    String command = String.join(" ", argv);
    Process process;
    try {
      process = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(mergeErrors)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + ": still running after " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + ": exit " + process.exitValue() + "\n"
          + (mergeErrors ? out.join() : err.join()));
    }
    return out.join();
  }

  private static String read(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
