package io.servicerouter.cli.render;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.servicerouter.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One validation fixture {@code src/test/resources/fixtures/(valid|invalid)-*.yaml}: an object of the
 * operator's kinds, and for invalid ones the expected problem from the first line
 * {@code # expect: <field path>: <reason prefix>}.
 *
 * @param file the fixture file
 */
record Fixture(Path file) {

  private static final String EXPECT = "# expect: ";

  /** Every fixture, sorted by name. */
  static List<Fixture> all() {
    Path directory = ValidationFixturesTest.FIXTURES;
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().matches("(valid|invalid)-.*\\.yaml")).sorted()
          .map(Fixture::new).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixtures whose name starts with {@code valid-}. */
  static List<Fixture> valid() {
    return all().stream().filter(f -> f.name().startsWith("valid-")).toList();
  }

  /** The fixtures whose name starts with {@code invalid-}. */
  static List<Fixture> invalid() {
    return all().stream().filter(f -> f.name().startsWith("invalid-")).toList();
  }

  /** The file name. */
  String name() {
    return file.getFileName().toString();
  }

  /**
   * The field path of the expected problem, present on invalid fixtures. The reason is not compared here: the
   * API server words some reasons differently from render (ValidationFixturesTest checks render's wording).
   */
  Optional<String> expectedField() {
    String first = read().lines().findFirst().orElse("");
    if (!first.startsWith(EXPECT)) {
      return Optional.empty();
    }
    String problem = first.substring(EXPECT.length());
    int colon = problem.indexOf(": ");
    return Optional.of((colon < 0 ? problem : problem.substring(0, colon)).strip());
  }

  /**
   * The fixture's object, moved into {@code namespace} if it is namespaced, so that tests never share objects;
   * a fixture about the namespace itself keeps its own.
   */
  GenericKubernetesResource objectIn(String namespace) {
    GenericKubernetesResource object = Json.read(read(), GenericKubernetesResource.class);
    boolean aboutTheNamespace = expectedField().filter("metadata.namespace"::equals).isPresent();
    if (object.getMetadata().getNamespace() != null && !aboutTheNamespace) {
      object.getMetadata().setNamespace(namespace);
    }
    return object;
  }

  @Override
  public String toString() {
    return name();
  }

  private String read() {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
