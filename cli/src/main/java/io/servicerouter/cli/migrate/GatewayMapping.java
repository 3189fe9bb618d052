package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewaySpec;
import io.servicerouter.validation.Reasons;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Maps {@code gateways[i]} to Gateway {@code <name>} in the gateway namespace (SPEC §6.2 mapping table). */
final class GatewayMapping {

  private static final ValuesPath GATEWAYS = ValuesPath.ROOT.key("gateways");

  private final String gatewayNamespace;
  private final ValueReader reader;
  private final Findings findings;

  /** A mapping that puts the Gateways in {@code gatewayNamespace} and reports to {@code findings}. */
  GatewayMapping(String gatewayNamespace, ValueReader reader, Findings findings) {
    this.gatewayNamespace = gatewayNamespace;
    this.reader = reader;
    this.findings = findings;
  }

  /** Adds one Gateway per named entry and returns the names apps may reference. */
  Set<String> map(JsonNode values) {
    Set<String> names = new LinkedHashSet<>();
    List<JsonNode> entries = reader.list(values.get("gateways"), GATEWAYS);
    for (int i = 0; i < entries.size(); i++) {
      ValuesPath path = GATEWAYS.index(i);
      if (!reader.isMapping(entries.get(i), path)) {
        continue;
      }
      String name = reader.requiredText(entries.get(i).get("name"), path.key("name"));
      if (name != null && !names.add(name)) {
        findings.error(path.key("name"), Reasons.duplicate(TextNode.valueOf(name)));
      } else if (name != null) {
        findings.add(gateway(name, entries.get(i), path));
      }
    }
    return names;
  }

  private GeneratedObject gateway(String name, JsonNode entry, ValuesPath path) {
    GatewaySpec spec = new GatewaySpec();
    spec.setController(reader.text(entry.get("controller"), path.key("controller")));
    spec.setCredentialName(reader.text(entry.get("credentialName"), path.key("credentialName")));
    spec.setTargetPostfix(reader.text(entry.get("targetPostfix"), path.key("targetPostfix")));
    Gateway gateway = new Gateway();
    gateway.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(gatewayNamespace).build());
    gateway.setSpec(spec);
    return GeneratedObject.of(gateway, new SourcePaths(path)
        .map("metadata.name", path.key("name"))
        .map("spec.controller", path.key("controller"))
        .map("spec.credentialName", path.key("credentialName"))
        .map("spec.targetPostfix", path.key("targetPostfix")));
  }
}
