package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.servicerouter.model.Json;
import io.servicerouter.testsupport.Binaries;
import io.servicerouter.testsupport.HelmChart;
import io.servicerouter.testsupport.TestDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's PrometheusRule ({@code templates/prometheusrule.yaml}) as Prometheus sees it: its groups, written
 * to a plain rules file, pass {@code promtool check rules}, and the promtool unit tests of
 * {@code src/test/resources/promtool/} pass on them, where every alert fires on series that should fire it and
 * stays quiet on healthy ones. The values reach the rules, and every alert has a severity, a summary, a
 * description and a runbook section of docs/operations.md that exists.
 */
class AlertRulesIT {

  /** The file the unit tests' {@code rule_files} name, next to them. */
  private static final String RULES_FILE = "service-router-operator-rules.yaml";
  private static final Path UNIT_TESTS = Path.of("src/test/resources/promtool");
  private static final Path WORK = TestDirectories.buildDirectory().resolve("promtool");
  /** Readable output: PromQL unquoted where YAML allows, multi-line expressions as literal blocks. */
  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE).build();
  private static final Pattern RUNBOOK = Pattern.compile("docs/operations\\.md#([a-z0-9-]+)");

  @Test
  void theRenderedRulesPassPromtoolCheck() {
    Path rules = writeRules(groups("--set", "prometheusRule.enabled=true"), RULES_FILE);

    assertThat(promtool("check", "rules", rules.toString())).contains("SUCCESS: 10 rules found");
  }

  @Test
  void everyAlertFiresOnlyWhenItShouldInThePromtoolUnitTests() throws IOException {
    Path rules = writeRules(groups("--set", "prometheusRule.enabled=true"), RULES_FILE);
    List<String> testFiles = new ArrayList<>();
    try (Stream<Path> files = Files.list(UNIT_TESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Path copy = Files.copy(file, rules.resolveSibling(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        testFiles.add(copy.toString());
      }
    }
    assertThat(testFiles).isNotEmpty();

    List<String> argv = new ArrayList<>(List.of("test", "rules"));
    argv.addAll(testFiles);
    assertThat(promtool(argv.toArray(String[]::new))).contains("SUCCESS");
  }

  @Test
  void theUnitTestsCoverEveryAlertFiringAndQuiet() throws IOException {
    Set<String> alerts = alertNames(groups("--set", "prometheusRule.enabled=true"));
    Set<String> firing = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    try (Stream<Path> files = Files.list(UNIT_TESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        JsonNode tests = Json.serialization().unmarshal(Files.readString(file), JsonNode.class).path("tests");
        tests.forEach(test -> test.path("alert_rule_test").forEach(check -> {
          String alert = check.path("alertname").asText();
          (check.path("exp_alerts").isEmpty() ? quiet : firing).add(alert);
        }));
      }
    }

    assertThat(alerts).hasSize(10);
    assertThat(firing).as("alerts some unit test expects to fire").isEqualTo(alerts);
    assertThat(quiet).as("alerts some unit test expects to stay quiet").isEqualTo(alerts);
  }

  @Test
  void everyAlertHasASeverityASummaryADescriptionAndAnExistingRunbookSection() throws IOException {
    Set<String> anchors = headingAnchors(TestDirectories.repositoryRoot().resolve("docs/operations.md"));
    for (JsonNode rule : rules(groups("--set", "prometheusRule.enabled=true"))) {
      String alert = rule.path("alert").asText();
      assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("critical", "warning", "info");
      assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
      assertThat(rule.path("annotations").path("description").asText()).as(alert).isNotBlank();
      Matcher runbook = RUNBOOK.matcher(rule.path("annotations").path("runbook").asText());
      assertThat(runbook.matches()).as(alert + " runbook").isTrue();
      assertThat(anchors).as(alert + " runbook section in docs/operations.md").contains(runbook.group(1));
    }
  }

  @Test
  void theValuesReachTheRules() {
    Path values = TestDirectories.repositoryRoot().resolve(HelmChart.CHART).resolve("ci/all-options-values.yaml");
    JsonNode groups = groups("--values", values.toString());
    assertThat(promtool("check", "rules", writeRules(groups, "all-options-rules.yaml").toString()))
        .contains("SUCCESS: 10 rules found");
    assertThat(rule(groups, "ServiceRouterConvergenceStuck").path("for").asText()).isEqualTo("5m");
    assertThat(rule(groups, "ServiceRouterHeapNearLimit").path("expr").asText()).endsWith("> 0.85");
    assertThat(rule(groups, "ServiceRouterOperatorDown").path("expr").asText())
        .isEqualTo("absent(up{job=\"sro-metrics\", namespace=\"service-router-system\"} == 1)");
    assertThat(rule(groups, "ExternalDNSNotRunning").path("expr").asText())
        .isEqualTo("up{job=~\"external-dns-.*\"} == 0");
    assertThat(rule(groups, "ExternalDNSRecordsStale").path("expr").asText())
        .isEqualTo("time() - external_dns_controller_last_sync_timestamp_seconds{job=~\"external-dns-.*\"} > 300");

    JsonNode withoutExternalDns = groups("--set", "prometheusRule.enabled=true",
        "--set", "prometheusRule.externalDns.enabled=false");
    assertThat(alertNames(withoutExternalDns)).hasSize(8).noneMatch(alert -> alert.startsWith("ExternalDNS"));
    assertThat(RenderedChart.render().kindsAndNames()).noneMatch(object -> object.startsWith("PrometheusRule/"));
  }

  /** The {@code spec.groups} of the PrometheusRule that {@code helm template ARGS} renders. */
  static JsonNode groups(String... args) {
    GenericKubernetesResource rule = RenderedChart.render(args).objects().stream()
        .filter(o -> "PrometheusRule".equals(o.getKind())).findFirst()
        .orElseThrow(() -> new AssertionError("no PrometheusRule rendered"));
    return Json.toNode(rule).path("spec").path("groups");
  }

  /** The rules of every group. */
  static List<JsonNode> rules(JsonNode groups) {
    List<JsonNode> rules = new ArrayList<>();
    groups.forEach(group -> group.path("rules").forEach(rules::add));
    return rules;
  }

  private static JsonNode rule(JsonNode groups, String alert) {
    return rules(groups).stream().filter(r -> alert.equals(r.path("alert").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no alert " + alert));
  }

  private static Set<String> alertNames(JsonNode groups) {
    Set<String> names = new HashSet<>();
    rules(groups).forEach(rule -> names.add(rule.path("alert").asText()));
    return names;
  }

  /** Writes {@code groups} as a Prometheus rules file ({@code groups:} at the top) into the work directory. */
  private static Path writeRules(JsonNode groups, String fileName) {
    try {
      Path file = Files.createDirectories(WORK).resolve(fileName);
      Files.writeString(file, YAML.writeValueAsString(Map.of("groups", groups)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs promtool in the work directory and returns its output; fails with the output when it exits non-zero. */
  static String promtool(String... args) {
    List<String> argv = new ArrayList<>(List.of(Binaries.locate().promtool().toString()));
    argv.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(argv).directory(Files.createDirectories(WORK).toFile())
          .redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
      assertThat(process.exitValue()).as(String.join(" ", argv) + "\n" + output).isZero();
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The anchors GitHub gives the headings of a Markdown file ("### 4.1 Leader election" is 41-leader-election). */
  private static Set<String> headingAnchors(Path markdown) throws IOException {
    Set<String> anchors = new HashSet<>();
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("#")) {
        anchors.add(line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
