package io.servicerouter.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc} says about a process that may not be our child (one left by a killed test JVM): whether
 * it still runs, and which program it is, so that a recycled PID is never touched.
 */
final class ProcFs {

  private ProcFs() {}

  /** True if the process exists and is not a zombie (an exited orphan can stay state Z for a second or two). */
  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
      return !afterName.isEmpty() && afterName.charAt(0) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /** The process's {@code argv[0]}, if it still runs. */
  static Optional<String> argv0(long pid) {
    try {
      byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      int end = 0;
      while (end < cmdline.length && cmdline[end] != 0) {
        end++;
      }
      return end == 0 ? Optional.empty() : Optional.of(new String(cmdline, 0, end, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
