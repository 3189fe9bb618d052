package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The state directories under {@code <build dir>/it-state} (PKI, configuration, data, PID files). The first
 * use in a JVM locks the root for the JVM's lifetime and stops the processes a killed earlier run left behind,
 * found by their PID files only (never by process name).
 */
public final class StateDirectories {

  private static FileLock lock;

  private StateDirectories() {}

  /**
   * An empty directory {@code <build dir>/it-state/<name>} with an empty {@code run} subdirectory for PID
   * files; whatever an earlier run left there is removed.
   *
   * @throws IllegalStateException if another JVM is using the same build directory
   */
  public static synchronized Path fresh(String name) {
    Path root = TestDirectories.stateRoot();
    if (lock == null) {
      lock = lockRoot(root);
      StaleProcesses.stop(root);
    }
    Path directory = root.resolve(name);
    deleteRecursively(directory);
    TestDirectories.created(directory.resolve("run"));
    return directory;
  }

  private static FileLock lockRoot(Path root) {
    try {
      FileChannel channel = FileChannel.open(root.resolve(".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock acquired = channel.tryLock();
      if (acquired == null) {
        channel.close();
        throw new IllegalStateException("another test JVM uses " + root + "; build with another -Dsr.build.dir");
      }
      return acquired;
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException(root + " is already locked in this JVM", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code directory} and everything in it, if it exists. */
  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
