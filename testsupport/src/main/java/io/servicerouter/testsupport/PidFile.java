package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The PID and program of a started process, written next to its state so that a later run can stop it if
 * this JVM was killed before its shutdown hook ran. The program is kept to tell a recycled PID apart.
 *
 * @param pid the process id
 * @param program the absolute path of the program, as in the process's {@code argv[0]}
 */
record PidFile(long pid, String program) {

  /** File name suffix of PID files. */
  static final String SUFFIX = ".pid";

  /** Writes the two lines PID and program. */
  void write(Path file) {
    try {
      Files.write(file, List.of(Long.toString(pid), program));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PID file's content, or empty if it is unreadable or malformed (then it names no process of ours). */
  static Optional<PidFile> read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.size() < 2 ? Optional.empty()
          : Optional.of(new PidFile(Long.parseLong(lines.get(0).trim()), lines.get(1)));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** True if the PID is running (not a zombie) and is still the recorded program. */
  boolean stillRunning() {
    return ProcFs.running(pid) && ProcFs.argv0(pid).filter(program::equals).isPresent();
  }
}
