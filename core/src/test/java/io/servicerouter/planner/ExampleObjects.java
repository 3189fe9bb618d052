package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Json;
import io.servicerouter.model.Kinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The objects of the planner's single-region example (E1 of the golden files) for tests of one evaluation. */
final class ExampleObjects {

  private ExampleObjects() {}

  static List<HasMetadata> activeSingleRegion() throws IOException {
    String yaml = Files.readString(Path.of("src/test/resources/example-e1-active-single-region.yaml"));
    return Arrays.stream(yaml.split("(?m)^---$")).filter(document -> document.contains("kind:"))
        .map(document -> (HasMetadata) Json.read(document, Kinds.ALL.stream()
            .filter(kind -> document.contains("kind: " + HasMetadata.getKind(kind) + "\n")).findFirst().orElseThrow()))
        .toList();
  }

  /** A new evaluation of the objects under the default options. */
  static Evaluation evaluationOf(List<HasMetadata> objects) {
    return new Evaluation(IndexedSnapshot.builder(Options.DEFAULTS).addAll(objects).build(), Options.DEFAULTS);
  }

  static <T extends HasMetadata> T first(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
