package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicerouter.cli.input.InputDocuments;
import io.servicerouter.cli.input.InputFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code -f} files of {@code migrate-helm-values}: each is a values mapping or a Flux
 * {@code HelmRelease} whose {@code spec.values} is used, and the files are merged in order as Helm merges
 * them. Files are read by {@link InputDocuments}, as {@code render} reads manifests (duplicate keys refused, the
 * same size and nesting limits).
 */
public final class ValuesFiles {

  private static final String HELM_RELEASE_API_GROUP = "helm.toolkit.fluxcd.io/";
  private static final String CHART_NAME = "multi-region-service-router";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
    ObjectNode merged = NODES.objectNode();
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
    try {
      for (JsonNode document : InputDocuments.yaml(InputDocuments.read(file))) {
        if (document != null && !document.isNull()) {
          documents.add(document);
        }
      }
    } catch (InputFailure e) {
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
      return NODES.objectNode();
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
    return spec.hasNonNull("values") ? mapping(file, spec.get("values"), "spec.values") : NODES.objectNode();
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
}
