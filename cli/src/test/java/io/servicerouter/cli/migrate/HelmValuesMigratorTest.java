package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validation lines and warnings of SPEC §6.2, one test each, with the real schema check. Each test
 * overlays a few values on a valid base (Helm-style: lists replaced), so the lines it asserts are the only
 * ones the change causes. Lines whose reason comes from the validator are asserted up to the reason's
 * value (the wording after it is the validator's); the migrator's own lines are asserted exactly.
 */
class HelmValuesMigratorTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final GeneratedObjectCheck SCHEMAS = CrdSchemaCheck.fromClasspath();
  private static final String BASE = """
      region: neu
      cluster: aks01
      environmentLetter: d
      domain: aks.vecd.vczc.nl
      externalDns:
        - {controller: external-dns-neu, region: neu}
        - {controller: external-dns-weu, region: weu}
      gateways:
        - {name: default-gateway-ingress, controller: aks-istio-ingressgateway-internal, credentialName: cert, targetPostfix: external}
        - {name: internal, controller: aks-istio-ingressgateway-internal, credentialName: cert, targetPostfix: internal}
      apps:
        - name: nid-02
          environment: dev
          services: {default-gateway-ingress: [auth, pep]}
      """;

  // --- the base and the mapping --------------------------------------------------------------------

  @Test
  void theBaseIsValid() {
    Migration migration = migrate("{}");
    assertThat(lines(migration)).isEmpty();
    assertThat(migration.objects()).hasSize(7);
  }

  @Test
  void appsOfOneNamespaceWithTheSamePolicyShareOneDnsPolicy() {
    Migration migration = migrate("""
        apps:
          - {name: nid-02, environment: dev, services: {default-gateway-ingress: [auth]}}
          - {name: cms-01, environment: dev, services: {default-gateway-ingress: [cms]}}
        """, "{environment}");
    assertThat(lines(migration)).isEmpty();
    assertThat(migration.objects()).filteredOn(o -> o.path("kind").asText().equals("DNSPolicy"))
        .extracting(o -> o.path("metadata").path("namespace").asText()).containsExactly("dev");
  }

  // --- validation lines -----------------------------------------------------------------------------

  @Test
  void anUnknownGatewayIsRejected() {
    assertThat(lines(migrate("apps: [{name: nid-02, environment: dev, services: {public: [auth]}}]")))
        .containsExactly("apps[0].services.public: Gateway 'public' referenced in app 'nid-02' not found in gateways list!");
  }

  @Test
  void aRegionboundAppNeedsARegion() {
    assertThat(lines(migrate("apps: [{name: cms-01, environment: dev, mode: regionbound, services: {internal: [cms]}}]")))
        .containsExactly("apps[0].region: Region must be specified for regionbound app 'cms-01'!");
    assertThat(lines(migrate("apps: [{name: cms-01, environment: dev, mode: regionbound, region: ''}]")))
        .containsExactly("apps[0].region: Region must be specified for regionbound app 'cms-01'!");
  }

  @Test
  void anUnknownModeIsRejected() {
    assertThat(lines(migrate("apps: [{name: nid-02, environment: dev, mode: Active}]")))
        .containsExactly("apps[0].mode: Unsupported value: \"Active\": supported values: \"active\", \"regionbound\"");
  }

  @Test
  void servicesMustBeAMap() {
    assertThat(lines(migrate("apps: [{name: nid-02, environment: dev, services: [{name: auth}]}]")))
        .containsExactly("apps[0].services: must be a map from gateway name to a list of service names");
  }

  @Test
  void aServiceMayBeListedUnderOneGatewayOnly() {
    assertThat(lines(migrate("apps: [{name: nid-02, environment: dev, services: {default-gateway-ingress: [auth], internal: [pep, auth]}}]")))
        .containsExactly("apps[0].services.internal[1]: service 'auth' of app 'nid-02' is listed under more than one gateway");
  }

  @Test
  void appsOfOneNamespaceMustNeedTheSamePolicy() {
    Migration migration = migrate("""
        apps:
          - {name: nid-02, environment: dev}
          - {name: cms-01, environment: dev, mode: regionbound, region: weu}
        """, "{environment}");
    assertThat(lines(migration))
        .containsExactly("apps[1]: apps 'nid-02' and 'cms-01' map to namespace 'dev' but need different DNSPolicies");
  }

  @Test
  void aServiceRouteGeneratedTwiceIsRejected() {
    assertThat(lines(migrate("apps: [{name: nid-02, environment: dev, services: {internal: [auth, pep, auth]}}]")))
        .containsExactly("apps[0].services.internal[2]: ServiceRoute nid-02/nid-02-auth is generated twice");
    assertThat(lines(migrate("""
        apps:
          - {name: nid-02, environment: dev, services: {internal: [auth]}}
          - {name: nid-02, environment: dev, services: {internal: [auth]}}
        """))).containsExactly("apps[1].services.internal[0]: ServiceRoute nid-02/nid-02-auth is generated twice");
  }

  @Test
  void externalDnsIsRequired() {
    String line = "externalDns: Required value: at least one controller is required";
    assertThat(lines(migrate("externalDns: null"))).containsExactly(line);
    assertThat(lines(migrate("externalDns: []"))).containsExactly(line);
  }

  @Test
  void schemaProblemsOfTheClusterIdentityAreReportedAtTheirValues() {
    assertThat(lines(migrate("region: NEU"))).singleElement().asString().startsWith("region: Invalid value: \"NEU\": ");
    assertThat(lines(migrate("environmentLetter: null"))).containsExactly("environmentLetter: Required value");
  }

  @Test
  void schemaProblemsOfTheDnsConfigurationAreReportedAtTheirValues() {
    assertThat(lines(migrate("externalDns: [{controller: External-DNS, region: neu}]"))).singleElement().asString()
        .startsWith("externalDns[0].controller: Invalid value: \"External-DNS\": ");
    assertThat(lines(migrate("externalDns: [{controller: a, region: neu}, {controller: a, region: weu}]")))
        .singleElement().asString().startsWith("externalDns[1]: Duplicate value: ");
  }

  @Test
  void schemaProblemsOfAServiceRouteAreReportedOncePerValue() {
    String longName = "a".repeat(64);
    assertThat(lines(migrate("apps: [{name: " + longName + ", environment: dev}]")))
        .singleElement().asString().startsWith("apps[0].name: Too long: \"" + longName + "\": ");
    assertThat(lines(migrate("apps: [{name: nid-02, services: {internal: [auth, pep]}}]")))
        .containsExactly("apps[0].environment: Required value");
    assertThat(lines(migrate("apps: [{name: nid-02, environment: dev, services: {internal: [Auth, {name: x_y}]}}]")))
        .satisfiesExactly(
            line -> assertThat(line).startsWith("apps[0].services.internal[0]: Invalid value: \"Auth\": "),
            line -> assertThat(line).startsWith("apps[0].services.internal[1].name: Invalid value: \"x_y\": "));
  }

  @Test
  void schemaProblemsOfAGatewayAreReportedAtTheirValues() {
    assertThat(lines(migrate("""
        gateways:
          - {name: default-gateway-ingress, controller: c, credentialName: '', targetPostfix: external}
          - {name: internal, controller: c, targetPostfix: internal}
          - {name: Internal_GW, controller: c, credentialName: cert, targetPostfix: internal}
        """))).satisfiesExactly(
            line -> assertThat(line).startsWith("gateways[0].credentialName: Invalid value: \"\": "),
            line -> assertThat(line).isEqualTo("gateways[1].credentialName: Required value"),
            line -> assertThat(line).startsWith("gateways[2].name: Invalid value: \"Internal_GW\": "));
  }

  @Test
  void aGatewayControllerMustBeADns1123Label() {
    assertThat(lines(migrate(gateway("controller: Istio_Ingress")))).containsExactly(
        "gateways[2].controller: Invalid value: \"Istio_Ingress\": must be a DNS-1123 label: lowercase alphanumerics"
            + " and '-', starting and ending with an alphanumeric");
  }

  @Test
  void aGatewayTargetPostfixMustBeLowercaseAlphanumericWithHyphens() {
    assertThat(lines(migrate(gateway("targetPostfix: ext.ernal")))).containsExactly(
        "gateways[2].targetPostfix: Invalid value: \"ext.ernal\": must be lowercase alphanumeric with hyphens");
  }

  @Test
  void aGatewayNameHasAtMost63Characters() {
    String name = "g".repeat(64);
    assertThat(lines(migrate(gateway("name: " + name)))).containsExactly(
        "gateways[2].name: Too long: \"" + name + "\": must have at most 63 characters");
  }

  @Test
  void aServiceRouteNameHasAtMost63Characters() {
    String app = "a".repeat(40);
    String service = "s".repeat(30);
    List<Diagnostic> diagnostics = migrate("apps: [{name: " + app + ", environment: dev, services: {internal: [" + service + "]}}]")
        .diagnostics();
    assertThat(diagnostics).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR).extracting(Diagnostic::line)
        .containsExactly("apps[0].services.internal[0]: Too long: \"" + app + "-" + service
            + "\": must have at most 63 characters");
  }

  @Test
  void aNamespaceFromTheTemplateMustBeADns1123Label() {
    String app = "a".repeat(40);
    String environment = "e".repeat(30);
    Migration migration = migrate("apps: [{name: " + app + ", environment: " + environment + "}]", "{environment}-{app}");
    assertThat(lines(migration)).singleElement().asString()
        .startsWith("apps[0].name: Too long: \"" + environment + "-" + app + "\": ");
    assertThat(lines(migrate("apps: [{name: nid-02}]", "{environment}"))).containsExactly("apps[0].environment: Required value");
  }

  @Test
  void valuesOfTheWrongTypeAreReportedOnce() {
    assertThat(lines(migrate("apps: [{name: nid-02, environment: [dev], services: {internal: [auth]}}]")))
        .containsExactly("apps[0].environment: Invalid value: [\"dev\"]: must be a string");
    assertThat(lines(migrate("apps: {nid-02: {}}"))).containsExactly("apps: Invalid value: {\"nid-02\":{}}: must be a list");
    assertThat(lines(migrate("apps: [nid-02]"))).containsExactly("apps[0]: Invalid value: \"nid-02\": must be a map");
    assertThat(lines(migrate("apps: [{name: nid-02, environment: dev, services: {internal: auth}}]")))
        .containsExactly("apps[0].services.internal: must be a list of service names");
  }

  @Test
  void namesAreRequired() {
    assertThat(lines(migrate("apps: [{environment: dev, services: {internal: [auth]}}]"))).containsExactly("apps[0].name: Required value");
    assertThat(lines(migrate("apps: [{name: nid-02, environment: dev, services: {internal: [{nom: auth}, null]}}]")))
        .containsExactly("apps[0].services.internal[0].name: Required value", "apps[0].services.internal[1]: Required value");
    assertThat(lines(migrate(gateway("name: null")))).containsExactly("gateways[2].name: Required value");
  }

  @Test
  void gatewayNamesAreUnique() {
    assertThat(lines(migrate(gateway("name: internal")))).containsExactly("gateways[2].name: Duplicate value: \"internal\"");
  }

  @Test
  void fluxVariablesAreExemptFromPatternAndLengthChecksButOtherValuesAreNot() {
    Migration migration = migrate("""
        region: ${REGION}
        cluster: AKS01
        apps: [{name: "${APP}-with-a-name-that-is-longer-than-sixty-three-characters-as-written", environment: dev,
                services: {internal: ["${SERVICE}"]}}]
        """);
    assertThat(lines(migration)).singleElement().asString().startsWith("cluster: Invalid value: \"AKS01\": ");
  }

  // --- warnings -------------------------------------------------------------------------------------

  @Test
  void aRegionOnAnActiveAppIsIgnoredWithAWarning() {
    Migration migration = migrate("apps: [{name: nid-02, environment: dev, region: weu}]");
    assertThat(lines(migration)).containsExactly("apps[0].region: warning: region 'weu' is ignored for active app 'nid-02'");
    assertThat(migration.failed()).isFalse();
    assertThat(policy(migration).path("spec").has("sourceRegion")).isFalse();
  }

  @Test
  void aRegionboundRegionWithoutControllerIsWarned() {
    Migration migration = migrate("apps: [{name: cms-01, environment: dev, mode: regionbound, region: frc}]");
    assertThat(lines(migration))
        .containsExactly("apps[0].region: warning: no externalDns controller has region 'frc', so app 'cms-01' gets no DNS records");
    assertThat(migration.failed()).isFalse();
    assertThat(policy(migration).path("spec").path("sourceRegion").asText()).isEqualTo("frc");
  }

  @Test
  void aControllerRegionWithAFluxVariableMayBeAnyRegion() {
    assertThat(lines(migrate("""
        externalDns: [{controller: "external-dns-${REGION}", region: "${REGION}"}]
        apps: [{name: cms-01, environment: dev, mode: regionbound, region: frc}]
        """))).isEmpty();
  }

  @Test
  void aHostnameWithAFirstLabelOver63CharactersIsWarned() {
    String environment = "e".repeat(50);
    Migration migration = migrate("apps: [{name: nid-02, environment: " + environment + ", services: {internal: [auth]}}]");
    assertThat(lines(migration)).containsExactly("apps[0].services.internal[0]: warning: ServiceRoute nid-02/nid-02-auth"
        + " would fail with InvalidHostname: hostname \"auth-ns-d-" + environment + "-nid-02.aks.vecd.vczc.nl\" is invalid:"
        + " first label has 67 characters (maximum 63)");
    assertThat(migration.failed()).isFalse();
  }

  @Test
  void aHostnameOver253CharactersIsWarned() {
    String domain = ("d".repeat(60) + ".").repeat(4) + "com";
    Migration migration = migrate("domain: " + domain + "\napps: [{name: nid-02, environment: dev, services: {internal: [auth]}}]");
    assertThat(lines(migration)).containsExactly("apps[0].services.internal[0]: warning: ServiceRoute nid-02/nid-02-auth"
        + " would fail with InvalidHostname: hostname \"auth-ns-d-dev-nid-02." + domain + "\" is invalid:"
        + " 268 characters (maximum 253)");
  }

  // --- helpers --------------------------------------------------------------------------------------

  /** The base gateways plus a third, valid one changed by {@code change} (YAML flow-mapping entries). */
  private static String gateway(String change) {
    String third = "{name: public, controller: c, credentialName: cert, targetPostfix: public, " + change + "}";
    return """
        gateways:
          - {name: default-gateway-ingress, controller: aks-istio-ingressgateway-internal, credentialName: cert, targetPostfix: external}
          - {name: internal, controller: aks-istio-ingressgateway-internal, credentialName: cert, targetPostfix: internal}
          - %s
        """.formatted(third);
  }

  private static Migration migrate(String overlay) {
    return migrate(overlay, NamespaceTemplate.DEFAULT);
  }

  private static Migration migrate(String overlay, String namespaceTemplate) {
    ObjectNode values = HelmValuesMerge.merge(mapping(BASE), mapping(overlay));
    return new HelmValuesMigrator("istio-system", NamespaceTemplate.parse(namespaceTemplate), SCHEMAS).migrate(values);
  }

  private static List<String> lines(Migration migration) {
    return migration.diagnostics().stream().map(Diagnostic::line).toList();
  }

  private static JsonNode policy(Migration migration) {
    return migration.objects().stream().filter(o -> o.path("kind").asText().equals("DNSPolicy")).findFirst().orElseThrow();
  }

  private static ObjectNode mapping(String yaml) {
    try {
      return (ObjectNode) YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
