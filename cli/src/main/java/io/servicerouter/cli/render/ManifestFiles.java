package io.servicerouter.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicerouter.cli.input.InputDocuments;
import io.servicerouter.cli.input.InputFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the {@code -f} paths of SPEC §6.1 into documents: files as named, directories walked recursively
 * (.yaml, .yml and .json in byte order of their relative path), {@code -} as standard input (YAML, named
 * {@value #STDIN} in messages), YAML streams split into documents (empty ones skipped but counted), {@code v1 List}
 * documents expanded into their items. Bytes become documents in {@link InputDocuments}, with its limits.
 */
public final class ManifestFiles {

  /** The {@code -f} argument that reads standard input. */
  public static final String STDIN_ARGUMENT = "-";
  /** The name of standard input in messages. */
  public static final String STDIN = "<stdin>";

  private ManifestFiles() {}

  /** The documents of all paths, in the order of the paths; {@code -} reads {@code stdin}. */
  public static List<SourceDocument> read(List<String> paths, InputStream stdin) throws InputError {
    List<SourceDocument> documents = new ArrayList<>();
    for (String path : paths) {
      if (STDIN_ARGUMENT.equals(path)) {
        addYaml(STDIN, read(STDIN, () -> InputDocuments.read(stdin)), documents);
        continue;
      }
      for (String file : files(path)) {
        byte[] bytes = read(file, () -> InputDocuments.read(Path.of(file)));
        if (file.endsWith(".json")) {
          add(new SourceDocument(file, 0, parse(file, () -> List.of(InputDocuments.json(bytes))).get(0)), documents);
        } else {
          addYaml(file, bytes, documents);
        }
      }
    }
    return documents;
  }

  private static List<String> files(String argument) throws InputError {
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      throw new InputError(argument, "invalid path");
    }
    if (!Files.isDirectory(path)) {
      return List.of(argument);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      String base = argument.endsWith("/") ? argument : argument + "/";
      return walk.filter(Files::isRegularFile)
          .map(p -> path.relativize(p).toString().replace('\\', '/'))
          .filter(r -> r.endsWith(".yaml") || r.endsWith(".yml") || r.endsWith(".json"))
          .sorted()
          .map(r -> base + r)
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new InputError(argument, "cannot read directory");
    }
  }

  /** A step of reading that may fail with a problem of the input. */
  private interface Step<T> {
    T run() throws InputFailure;
  }

  private static byte[] read(String file, Step<byte[]> read) throws InputError {
    try {
      return read.run();
    } catch (InputFailure e) {
      throw new InputError(file, e.getMessage());
    }
  }

  private static List<JsonNode> parse(String file, Step<List<JsonNode>> parse) throws InputError {
    try {
      return parse.run();
    } catch (InputFailure e) {
      throw new InputError(e.document().isPresent() ? file + "#" + e.document().getAsInt() : file, e.getMessage());
    }
  }

  private static void addYaml(String file, byte[] bytes, List<SourceDocument> documents) throws InputError {
    List<JsonNode> nodes = parse(file, () -> InputDocuments.yaml(bytes));
    for (int index = 0; index < nodes.size(); index++) {
      JsonNode node = nodes.get(index);
      if (node != null && !node.isNull() && !node.isMissingNode()) {
        add(new SourceDocument(file, index, node), documents);
      }
    }
  }

  private static void add(SourceDocument document, List<SourceDocument> documents) throws InputError {
    JsonNode node = document.node();
    if (!node.isObject()) {
      throw new InputError(document.location(), "document is not a mapping");
    }
    if (!node.path("apiVersion").isTextual() || !node.path("kind").isTextual()) {
      throw new InputError(document.location(), "document has no apiVersion or kind");
    }
    if ("v1".equals(node.get("apiVersion").asText()) && "List".equals(node.get("kind").asText())) {
      JsonNode items = node.path("items");
      if (!items.isArray() && !items.isMissingNode() && !items.isNull()) {
        throw new InputError(document.location(), "items of a v1 List must be a list");
      }
      for (JsonNode item : items) {
        add(new SourceDocument(document.file(), document.index(), item), documents);
      }
      return;
    }
    documents.add(document);
  }
}
