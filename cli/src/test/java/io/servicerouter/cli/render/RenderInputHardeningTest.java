package io.servicerouter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.cli.CliRun;
import io.servicerouter.cli.input.InputDocuments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render} on hostile or unusual input (issue 13): each case is a clear error line, a rejection line of SPEC
 * §6.1, or a documented acceptance (docs/decisions.md), never a stack trace. {@link RenderFuzzTest} covers the
 * cases nobody thought of.
 */
class RenderInputHardeningTest {

  private static final String CLUSTER_IDENTITY = "apiVersion: cluster.router.io/v1alpha1\nkind: ClusterIdentity\n"
      + "metadata:\n  name: cluster-identity\nspec:\n  region: weu\n  cluster: aks01\n  domain: %s\n  environmentLetter: p\n";

  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static CliRun renderStdin(byte[] input, String... args) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input));
    try {
      return CliRun.of(args);
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void aDuplicateKeyIsAnErrorAsInKubectlAndMigrate() throws IOException {
    Path file = write("dup.yaml", String.format(CLUSTER_IDENTITY, "example.com") + "  region: neu\n");

    CliRun run = CliRun.of("render", "-f", file.toString());

    assertThat(run.exitCode()).isEqualTo(RenderCommand.EXIT_ERROR);
    assertThat(run.err()).isEqualTo(file + "#0: error: key \"region\" appears twice in one mapping (line 10, column 9)\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aTwentyMebibyteListDocumentIsAccepted() throws IOException {
    StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    list.append(item(String.format(CLUSTER_IDENTITY, "example.com")))
        .append(item("apiVersion: cluster.router.io/v1alpha1\nkind: DNSConfiguration\nmetadata:\n  name: dns-config\n"
            + "spec:\n  externalDNSControllers:\n  - name: external-dns-weu\n    region: weu\n"))
        .append(item("apiVersion: routing.router.io/v1alpha1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: istio-system\n"
            + "spec:\n  controller: ingress\n  credentialName: cred\n  targetPostfix: external\n"))
        .append(item("apiVersion: routing.router.io/v1alpha1\nkind: DNSPolicy\nmetadata:\n  name: default\n  namespace: shop\n"));
    int routes = 0;
    while (list.length() < 20 * 1024 * 1024) {
      list.append(item(route(routes++)));
    }
    Path file = write("list.yaml", list.toString());

    CliRun run = CliRun.of("render", "-f", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.size(file)).isGreaterThan(20L * 1024 * 1024);
    assertThat(run.out()).contains("svc" + (routes - 1) + "-ns-p-prod-shop.example.com");
  }

  /** A ServiceRoute as {@code kubectl get -o yaml} prints it, with its last-applied annotation and status. */
  private static String route(int n) {
    return "apiVersion: routing.router.io/v1alpha1\nkind: ServiceRoute\nmetadata:\n  annotations:\n"
        + "    kubectl.kubernetes.io/last-applied-configuration: |\n      {\"apiVersion\":\"routing.router.io/v1alpha1\","
        + "\"kind\":\"ServiceRoute\",\"metadata\":{\"annotations\":{},\"name\":\"svc" + n + "\",\"namespace\":\"shop\"},"
        + "\"spec\":{\"application\":\"shop\",\"environment\":\"prod\",\"gatewayName\":\"gw\",\"gatewayNamespace\":\"istio-system\","
        + "\"serviceName\":\"svc" + n + "\"}}\n"
        + "  creationTimestamp: \"2024-05-01T10:00:00Z\"\n  generation: 1\n  name: svc" + n + "\n  namespace: shop\n"
        + "  resourceVersion: \"123456\"\n  uid: 0b7d6c1e-8f4a-4a8e-9a5e-1c2d3e4f5a6b\n"
        + "spec:\n  application: shop\n  environment: prod\n  gatewayName: gw\n  gatewayNamespace: istio-system\n"
        + "  serviceName: svc" + n + "\nstatus:\n  conditions:\n  - lastTransitionTime: \"2024-05-01T10:00:01Z\"\n"
        + "    message: Route is active\n    observedGeneration: 1\n    reason: Active\n    status: \"True\"\n    type: Ready\n"
        + "  hostname: svc" + n + "-ns-p-prod-shop.example.com\n  phase: Active\n";
  }

  private static String item(String object) {
    return "- " + object.strip().replace("\n", "\n  ") + "\n";
  }

  @Test
  void anInputOverTheSizeLimitIsAnError() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(InputDocuments.MAX_INPUT_BYTES + 1L);
    }

    CliRun run = CliRun.of("render", "-f", file.toString());

    assertThat(run.exitCode()).isEqualTo(RenderCommand.EXIT_ERROR);
    assertThat(run.err()).isEqualTo(file + ": error: input larger than the limit of 32 MiB (33554433 bytes)\n");
  }

  @Test
  void anAliasBombIsAnError() throws IOException {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level < 10; level++) {
      bomb.append("  a").append(level).append(": &a").append(level).append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*a" + (level - 1)))).append("]\n");
    }
    Path file = write("bomb.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n" + bomb);

    CliRun run = CliRun.of("render", "-f", file.toString());

    assertThat(run.exitCode()).isEqualTo(RenderCommand.EXIT_ERROR);
    assertThat(run.err()).startsWith(file + "#1: error: aliases add more than 100000 values to one document (an alias bomb?) (line ");
  }

  @Test
  void moreAliasesThanTheLimitAreAnError() throws IOException {
    String aliases = String.join(", ", Collections.nCopies(InputDocuments.MAX_ALIASES + 1, "*x"));
    Path file = write("aliases.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {x: &x a, y: [" + aliases + "]}\n");

    CliRun run = CliRun.of("render", "-f", file.toString());

    assertThat(run.exitCode()).isEqualTo(RenderCommand.EXIT_ERROR);
    assertThat(run.err()).startsWith(file + "#0: error: more than 1000 aliases in one document (line ");
  }

  @Test
  void aliasesAreExpandedAsKubectlExpandsThem() throws IOException {
    Path aliased = write("aliased.yaml", "apiVersion: routing.router.io/v1alpha1\nkind: Gateway\nmetadata:\n  name: gw\n"
        + "  namespace: istio-system\n  labels: &team {team: a}\nspec:\n  controller: ingress\n  credentialName: cred\n"
        + "  targetPostfix: external\n  allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: *team}}}\n");
    Path expanded = write("expanded.yaml", Files.readString(aliased).replace("&team ", "").replace("*team", "{team: a}"));

    CliRun run = CliRun.of("render", "--status", "-f", aliased.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("matchLabels:\n          team: a")
        .isEqualTo(CliRun.of("render", "--status", "-f", expanded.toString()).out());
  }

  @Test
  void nestingDeeperThanTheLimitIsAnError() throws IOException {
    Path yaml = write("deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    Path json = write("deep.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");

    CliRun yamlRun = CliRun.of("render", "-f", yaml.toString());
    CliRun jsonRun = CliRun.of("render", "-f", json.toString());

    assertThat(yamlRun.exitCode()).isEqualTo(RenderCommand.EXIT_ERROR);
    assertThat(yamlRun.err()).startsWith(yaml + "#0: error: mappings and lists nested deeper than 100 levels (line 4, column ");
    assertThat(jsonRun.exitCode()).isEqualTo(RenderCommand.EXIT_ERROR);
    assertThat(jsonRun.err()).startsWith(json + ": error: mappings and lists nested deeper than 100 levels (line 1, column ");
  }

  @Test
  void aDomainLabelOfMoreThan63CharactersIsRejected() throws IOException {
    Path file = write("ci.yaml", String.format(CLUSTER_IDENTITY, "a".repeat(70) + ".example.com"));

    CliRun run = CliRun.of("render", "-f", file.toString());

    assertThat(run.exitCode()).isEqualTo(RenderCommand.EXIT_REJECTED);
    assertThat(run.err()).isEqualTo(file + "#0: ClusterIdentity/cluster-identity: spec.domain: "
        + "each label of the domain must be at most 63 characters\n");
  }

  @Test
  void unicodeNamesAreRejectedAndPunycodeNamesAccepted() throws IOException {
    String objects = String.format(CLUSTER_IDENTITY, "example.com")
        + "---\napiVersion: routing.router.io/v1alpha1\nkind: DNSPolicy\nmetadata: {name: default, namespace: shop}\n"
        + "---\napiVersion: routing.router.io/v1alpha1\nkind: Gateway\nmetadata: {name: gw, namespace: istio-system}\n"
        + "spec: {controller: ingress, credentialName: cred, targetPostfix: external}\n"
        + "---\napiVersion: cluster.router.io/v1alpha1\nkind: DNSConfiguration\nmetadata: {name: dns-config}\n"
        + "spec: {externalDNSControllers: [{name: external-dns-weu, region: weu}]}\n";
    String route = "---\napiVersion: routing.router.io/v1alpha1\nkind: ServiceRoute\nmetadata: {name: %1$s, namespace: shop}\n"
        + "spec: {serviceName: %1$s, gatewayName: gw, environment: prod, application: shop}\n";
    Path unicode = write("unicode.yaml", objects + String.format(route, "bücher"));
    Path punycode = write("punycode.yaml", objects + String.format(route, "xn--bcher-kva"));
    Path punycodeDomain = write("domain.yaml", String.format(CLUSTER_IDENTITY, "xn--bcher-kva.example"));

    CliRun unicodeRun = CliRun.of("render", "-f", unicode.toString());
    CliRun punycodeRun = CliRun.of("render", "-f", punycode.toString());
    CliRun domainRun = CliRun.of("render", "-f", punycodeDomain.toString());

    assertThat(unicodeRun.exitCode()).isEqualTo(RenderCommand.EXIT_REJECTED);
    assertThat(unicodeRun.err().lines()).containsExactly(
        unicode + "#4: ServiceRoute/bücher: metadata.name: Invalid value: \"bücher\": must be a DNS-1123 subdomain:"
            + " lowercase alphanumerics, '-' and '.', starting and ending with an alphanumeric",
        unicode + "#4: ServiceRoute/bücher: spec.serviceName: Invalid value: \"bücher\": must match pattern"
            + " ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    assertThat(punycodeRun.exitCode()).as(punycodeRun.err()).isZero();
    assertThat(punycodeRun.out()).contains("dnsName: xn--bcher-kva-ns-p-prod-shop.example.com");
    assertThat(domainRun.exitCode()).isEqualTo(RenderCommand.EXIT_REJECTED);
    assertThat(domainRun.err()).startsWith(punycodeDomain + "#0: ClusterIdentity/cluster-identity: spec.domain: Invalid value: ");
  }

  @Test
  void dashReadsStandardInputOnce() throws IOException {
    byte[] input = Files.readAllBytes(Path.of("src/test/resources/fixtures/invalid-dnspolicy-ttl-zero.yaml"));

    CliRun run = renderStdin(input, "render", "-f", "-");
    CliRun twice = renderStdin(input, "render", "-f", "-", "-f", "-");
    CliRun valid = renderStdin(Files.readAllBytes(Path.of("src/test/resources/golden/example-e1-active-single-region/input.yaml")),
        "render", "-f", "-");

    assertThat(run.exitCode()).isEqualTo(RenderCommand.EXIT_REJECTED);
    assertThat(run.err()).isEqualTo("<stdin>#0: DNSPolicy/default: spec.recordTTL: Invalid value: 0: must be greater than or equal to 1\n");
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.err()).startsWith("option '-f': standard input (-) can be read only once");
    assertThat(valid.exitCode()).as(valid.err()).isZero();
    assertThat(valid.out()).contains("kind: DNSEndpoint");
  }

  @Test
  void aValueOfTheWrongTypeInMetadataOrACoreKindIsARejectionLine() throws IOException {
    Path file = write("types.yaml", """
        apiVersion: routing.router.io/v1alpha1
        kind: ServiceRoute
        metadata: {name: web, namespace: shop, labels: [a], generation: two, creationTimestamp: yesterday}
        spec: {serviceName: web, gatewayName: gw, environment: prod, application: shop}
        ---
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: default, namespace: 5}
        ---
        apiVersion: v1
        kind: Service
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: lb, namespace: istio-system, annotations: {a: [1]}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: lb, namespace: istio-system}
        status: {loadBalancer: {ingress: 7}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: [shop]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: lb2, namespace: istio-system}
        status: {loadBalancer: {ingress: [null]}}
        """);

    CliRun run = CliRun.of("render", "-f", file.toString());

    assertThat(run.exitCode()).isEqualTo(RenderCommand.EXIT_REJECTED);
    assertThat(run.err().lines()).containsExactly(
        file + "#0: ServiceRoute/web: metadata.labels: Invalid value: [\"a\"]: must be of type object",
        file + "#0: ServiceRoute/web: metadata.generation: Invalid value: \"two\": must be of type integer",
        file + "#0: ServiceRoute/web: metadata.creationTimestamp: Invalid value: \"yesterday\": must be an RFC 3339 date-time"
            + " such as \"2024-01-31T12:00:00Z\"",
        file + "#1: DNSPolicy/default: metadata.namespace: Invalid value: 5: must be of type string",
        file + "#2: Service/<unnamed>: metadata.name: Required value",
        file + "#3: Service/lb: metadata.annotations.a: Invalid value: [1]: must be of type string",
        file + "#4: Service/lb: status.loadBalancer.ingress: Invalid value: 7: must be of type array",
        file + "#5: Namespace/<unnamed>: metadata.name: Invalid value: [\"shop\"]: must be of type string",
        file + "#6: Service/lb2: status.loadBalancer.ingress[0]: Invalid value: null: a list item must not be null");
  }

  @Test
  void textIsUtf8OrUtf16WithAByteOrderMark() throws IOException {
    String fixture = Files.readString(Path.of("src/test/resources/fixtures/valid-clusteridentity-minimal.yaml"));
    Path utf16 = dir.resolve("utf16.yaml");
    Files.write(utf16, ("\uFEFF" + fixture).getBytes(StandardCharsets.UTF_16LE));
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, String.format(CLUSTER_IDENTITY, "bücher.example").getBytes(StandardCharsets.ISO_8859_1));

    CliRun utf16Run = CliRun.of("render", "-f", utf16.toString());
    CliRun latin1Run = CliRun.of("render", "-f", latin1.toString());

    assertThat(utf16Run.exitCode()).as(utf16Run.err()).isZero();
    assertThat(latin1Run.exitCode()).isEqualTo(RenderCommand.EXIT_ERROR);
    assertThat(latin1Run.err()).isEqualTo(latin1 + ": error: not UTF-8 text: invalid byte sequence at byte offset 144\n");
  }

  @Test
  void numbersBeyondADoubleAndOtherParserProblemsAreErrorLines() throws IOException {
    Path huge = write("huge.yaml", "apiVersion: routing.router.io/v1alpha1\nkind: DNSPolicy\nmetadata: {name: p}\nspec: {recordTTL: 1e400}\n");
    Path complexKey = write("key.yaml", "? [a, b]\n: c\n");
    Path binary = write("binary.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: !!binary aGVsbG8=}\n");

    assertThat(CliRun.of("render", "-f", huge.toString()).err())
        .isEqualTo(huge + "#0: error: number 1e400 is out of range (line 4, column 24)\n");
    assertThat(CliRun.of("render", "-f", complexKey.toString()).err())
        .isEqualTo(complexKey + "#0: error: a mapping key must be a scalar, not a list (line 1, column 4)\n");
    assertThat(CliRun.of("render", "-f", binary.toString()).err())
        .startsWith(binary + "#0: error: unsupported value (binary values such as !!binary are not supported)");
  }

  @Test
  void theHelpStatesTheLimits() {
    CliRun help = CliRun.of("render", "--help");

    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("at most 32 MiB", "nested at most 100 deep", "at most 1000 aliases", "- for standard input");
  }

  @Test
  void migrateHelmValuesReadsWithTheSameReader() throws IOException {
    Path values = write("values.yaml", "region: weu\nexternalDns: &dns [{controller: external-dns-weu, region: weu}]\n"
        + "region: neu\n");

    CliRun run = CliRun.of("migrate-helm-values", "-f", values.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(values + ": error: key \"region\" appears twice in one mapping (line 3, column 7)\n");
    assertThat(run.out()).isEmpty();
  }
}
