package io.servicerouter.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the {@code -f} paths of SPEC §6.1 into documents: files as named, directories walked recursively
 * (.yaml, .yml and .json in byte order of their relative path), YAML streams split into documents (empty
 * ones skipped but counted), {@code v1 List} documents expanded into their items.
 */
public final class ManifestFiles {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestFiles() {}

  /** The documents of all paths, in the order of the paths. */
  public static List<SourceDocument> read(List<String> paths) throws InputError {
    List<SourceDocument> documents = new ArrayList<>();
    for (String path : paths) {
      for (String file : files(path)) {
        readFile(file, documents);
      }
    }
    return documents;
  }

  private static List<String> files(String argument) throws InputError {
    Path path = Path.of(argument);
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
    } catch (IOException e) {
      throw new InputError(argument, "cannot read directory: " + e.getMessage());
    }
  }

  private static void readFile(String file, List<SourceDocument> documents) throws InputError {
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new InputError(file, "cannot read file: " + e);
    }
    try {
      if (file.endsWith(".json")) {
        add(new SourceDocument(file, 0, JSON.readTree(text)), documents);
        return;
      }
      MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(YAML.getFactory().createParser(text));
      for (int index = 0; it.hasNextValue(); index++) {
        JsonNode node = it.nextValue();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          add(new SourceDocument(file, index, node), documents);
        }
      }
    } catch (JsonProcessingException e) {
      throw new InputError(file, "syntax error: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException | RuntimeException e) {
      throw new InputError(file, "syntax error: " + e.getMessage());
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
      for (JsonNode item : node.path("items")) {
        add(new SourceDocument(document.file(), document.index(), item), documents);
      }
      return;
    }
    documents.add(document);
  }
}
