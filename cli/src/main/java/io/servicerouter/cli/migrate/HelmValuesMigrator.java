package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Converts the values of the multi-region-service-router Helm chart into operator manifests (SPEC §6.2):
 * the mapping table, its validation lines and its warnings. Pure: no files, no output; the command does
 * the I/O.
 */
public final class HelmValuesMigrator {

  private final String gatewayNamespace;
  private final NamespaceTemplate namespaceTemplate;
  private final GeneratedObjectCheck check;

  /**
   * A migrator with the command's options.
   *
   * @param gatewayNamespace  namespace of the generated Gateways (the chart's release namespace)
   * @param namespaceTemplate how each app's namespace is derived
   * @param schemaCheck       the schema and CEL rules of SPEC §2 and the object naming rules, normally
   *                          {@link CrdSchemaCheck}; the migrator adds the rules SPEC §2 marks "status"
   */
  public HelmValuesMigrator(String gatewayNamespace, NamespaceTemplate namespaceTemplate,
      GeneratedObjectCheck schemaCheck) {
    this.gatewayNamespace = gatewayNamespace;
    this.namespaceTemplate = namespaceTemplate;
    this.check = schemaCheck.and(new StatusRulesCheck());
  }

  /** Converts merged values (the chart's values mapping, not a HelmRelease). */
  public Migration migrate(ObjectNode values) {
    Findings findings = new Findings(check);
    ValueReader reader = new ValueReader(findings);
    Platform platform = new ClusterMapping(reader, findings).map(values);
    Set<String> gatewayNames = new GatewayMapping(gatewayNamespace, reader, findings).map(values);
    RouteMapping routes = new RouteMapping(gatewayNamespace, gatewayNames, platform, reader, findings);
    new AppMapping(namespaceTemplate, platform, routes, reader, findings).map(values);
    return findings.result();
  }
}
