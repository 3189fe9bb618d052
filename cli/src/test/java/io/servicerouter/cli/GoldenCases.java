package io.servicerouter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Golden-file test cases: one directory per case under a root, named after the case. */
public final class GoldenCases {

  private GoldenCases() {}

  /** The case names (directory names) under the root, sorted. */
  public static Stream<String> under(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
    }
  }
}
