package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code -f} files: values mappings, HelmReleases, merging, and the files that cannot be used. */
class ValuesFilesTest {

  private static final String RELEASE = """
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata: {name: %s}
      spec:
        chart: {spec: {chart: %s}}
        values: {region: %s}
      """;

  @TempDir
  Path dir;

  @Test
  void aValuesFileIsItsMapping() throws Exception {
    assertThat(read("region: neu\n").values().toString()).isEqualTo("{\"region\":\"neu\"}");
  }

  @Test
  void anEmptyFileHasNoValues() throws Exception {
    assertThat(read("# nothing yet\n").values().isEmpty()).isTrue();
  }

  @Test
  void aHelmReleaseContributesItsSpecValues() throws Exception {
    assertThat(read(RELEASE.formatted("router", "multi-region-service-router", "weu")).values().toString())
        .isEqualTo("{\"region\":\"weu\"}");
    assertThat(read("apiVersion: helm.toolkit.fluxcd.io/v2beta1\nkind: HelmRelease\nspec: {}\n").values().isEmpty()).isTrue();
  }

  @Test
  void amongSeveralHelmReleasesTheOneOfTheRouterChartIsUsed() throws Exception {
    String file = "---\n" + RELEASE.formatted("dns", "./charts/external-dns", "dns")
        + "---\napiVersion: v1\nkind: ConfigMap\n"
        + "---\n" + RELEASE.formatted("router", "./charts/platform/multi-region-service-router", "weu");
    assertThat(read(file).values().path("region").asText()).isEqualTo("weu");
  }

  @Test
  void severalDocumentsWithoutExactlyOneRouterReleaseAreRejected() throws IOException {
    Path file = write("a: 1\n---\nb: 2\n");
    assertThatThrownBy(() -> ValuesFiles.readMerged(List.of(file))).isInstanceOfSatisfying(ValuesFileException.class,
        e -> assertThat(e.line()).isEqualTo(file + ": error: expected a values mapping or one HelmRelease of the"
            + " multi-region-service-router chart, found 2 documents"));
  }

  @Test
  void valuesFromIsWarnedAboutBecauseItCannotBeResolved() throws Exception {
    Path file = write("apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n"
        + "  valuesFrom: [{kind: ConfigMap, name: router-values}]\n  values: {region: weu}\n");
    assertThat(ValuesFiles.readMerged(List.of(file)).warnings())
        .containsExactly(file + ": warning: spec.valuesFrom is ignored; pass those values as another -f file");
  }

  @Test
  void filesAreMergedInOrder() throws Exception {
    Path first = write("region: neu\ncluster: aks01\nexternalDns: [{controller: a, region: neu}, {controller: b, region: weu}]\n");
    Path second = write(RELEASE.formatted("router", "multi-region-service-router", "weu"));
    Path third = write("externalDns: [{controller: c, region: weu}]\n");
    assertThat(ValuesFiles.readMerged(List.of(first, second, third)).values().toString()).isEqualTo(
        "{\"region\":\"weu\",\"cluster\":\"aks01\",\"externalDns\":[{\"controller\":\"c\",\"region\":\"weu\"}]}");
  }

  @Test
  void unusableFilesAreReportedWithTheirName() throws IOException {
    assertError(write("- a\n"), "values must be a mapping, not a list");
    assertError(write("region: neu\nregion: weu\n"), "key \"region\" appears twice in one mapping (line 2, column 7)");
    assertError(write("apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec: {values: [a]}\n"),
        "spec.values must be a mapping, not a list");
    assertError(dir, "is a directory, not a values file");
    assertError(dir.resolve("missing.yaml"), "no such file");
  }

  private void assertError(Path file, String message) {
    assertThatThrownBy(() -> ValuesFiles.readMerged(List.of(file))).isInstanceOfSatisfying(ValuesFileException.class,
        e -> assertThat(e.line()).isEqualTo(file + ": error: " + message));
  }

  private ValuesFiles.Merged read(String content) throws Exception {
    return ValuesFiles.readMerged(List.of(write(content)));
  }

  private Path write(String content) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "values", ".yaml"), content);
  }
}
