package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the {@code -f} files of {@code migrate-helm-values}: each is a values mapping or a Flux
 * {@code HelmRelease} whose {@code spec.values} is used, and the files are merged in order as Helm merges
 * them.
 */
public final class ValuesFiles {

  private static final String HELM_RELEASE_API_GROUP = "helm.toolkit.fluxcd.io/";
  private static final String CHART_NAME = "multi-region-service-router";
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * The merged values and the warnings about them.
   *
   * @param values   the values of all files, merged
   * @param warnings stderr lines {@code <file>: warning: <message>}
   */
  public record Merged(ObjectNode values, List<String> warnings) {}

  private ValuesFiles() {}

  /**
   * Reads the files and merges them, later files winning.
   *
   * @throws ValuesFileException for the first file that cannot be used
   */
  public static Merged readMerged(List<Path> files) throws ValuesFileException {
    ObjectNode merged = YAML.createObjectNode();
    List<String> warnings = new ArrayList<>();
    for (Path file : files) {
      merged = HelmValuesMerge.merge(merged, values(file, documents(file), warnings));
    }
    return new Merged(merged, warnings);
  }

  /** The non-empty YAML documents of a file. */
  private static List<JsonNode> documents(Path file) throws ValuesFileException {
    if (Files.isDirectory(file)) {
      throw new ValuesFileException(file.toString(), "is a directory, not a values file");
    }
    List<JsonNode> documents = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(Files.newBufferedReader(file))) {
      while (parser.nextToken() != null) {
        JsonNode document = YAML.readTree(parser);
        if (document != null && !document.isNull()) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      throw new ValuesFileException(file.toString(), syntaxError(e));
    } catch (NoSuchFileException e) {
      throw new ValuesFileException(file.toString(), "no such file");
    } catch (AccessDeniedException e) {
      throw new ValuesFileException(file.toString(), "permission denied");
    } catch (IOException e) {
      throw new ValuesFileException(file.toString(), e.getMessage());
    }
    return documents;
  }

  /**
   * The values of a file: its only document if that is not a HelmRelease, else the values of its
   * HelmRelease; when a file holds several HelmReleases (a Flux infrastructure file), the one of the
   * multi-region-service-router chart.
   */
  private static ObjectNode values(Path file, List<JsonNode> documents, List<String> warnings)
      throws ValuesFileException {
    if (documents.isEmpty()) {
      return YAML.createObjectNode();
    }
    if (documents.size() == 1 && !isHelmRelease(documents.get(0))) {
      return mapping(file, documents.get(0), "values");
    }
    List<JsonNode> releases = documents.stream().filter(ValuesFiles::isHelmRelease).toList();
    if (releases.size() > 1) {
      releases = releases.stream().filter(ValuesFiles::isRouterChart).toList();
    }
    if (releases.size() != 1) {
      throw new ValuesFileException(file.toString(), "expected a values mapping or one HelmRelease of the "
          + CHART_NAME + " chart, found " + documents.size() + " documents");
    }
    JsonNode spec = releases.get(0).path("spec");
    if (spec.has("valuesFrom")) {
      warnings.add(file + ": warning: spec.valuesFrom is ignored; pass those values as another -f file");
    }
    return spec.hasNonNull("values") ? mapping(file, spec.get("values"), "spec.values") : YAML.createObjectNode();
  }

  private static ObjectNode mapping(Path file, JsonNode node, String what) throws ValuesFileException {
    if (node instanceof ObjectNode mapping) {
      return mapping;
    }
    String type = node.isArray() ? "a list" : node.isTextual() ? "a string" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    throw new ValuesFileException(file.toString(), what + " must be a mapping, not " + type);
  }

  private static boolean isHelmRelease(JsonNode document) {
    return document.path("apiVersion").asText().startsWith(HELM_RELEASE_API_GROUP)
        && document.path("kind").asText().equals("HelmRelease");
  }

  private static boolean isRouterChart(JsonNode release) {
    String chart = release.path("spec").path("chart").path("spec").path("chart").asText();
    return chart.equals(CHART_NAME) || chart.endsWith("/" + CHART_NAME);
  }

  /** A parser message without SnakeYAML's source excerpt: the problem and where it is. */
  private static String syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      return yaml.getProblem() + " (line " + (yaml.getProblemMark().getLine() + 1)
          + ", column " + (yaml.getProblemMark().getColumn() + 1) + ")";
    }
    String location = e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    return e.getOriginalMessage() + location;
  }
}
