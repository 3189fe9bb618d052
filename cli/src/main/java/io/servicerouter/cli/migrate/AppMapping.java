package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.DNSPolicySpec;
import io.servicerouter.validation.Reasons;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps {@code apps[i]}: the app's namespace from the namespace template, its DNSPolicy {@code default}
 * (chart {@code active} is {@code {mode: Active}}, {@code regionbound} with region X is
 * {@code {mode: Active, sourceRegion: X}}), and, through {@link RouteMapping}, its ServiceRoutes.
 */
final class AppMapping {

  /** Name of every generated DNSPolicy. */
  private static final String POLICY_NAME = "default";

  private static final ValuesPath APPS = ValuesPath.ROOT.key("apps");
  private static final String ACTIVE = "active";
  private static final String REGION_BOUND = "regionbound";

  /** The first app that needed a DNSPolicy in a namespace, and the source region it needed. */
  private record PolicyOwner(String app, String sourceRegion) {}

  private final NamespaceTemplate namespaceTemplate;
  private final Platform platform;
  private final RouteMapping routes;
  private final ValueReader reader;
  private final Findings findings;
  private final Map<String, PolicyOwner> policyOwners = new HashMap<>();

  /** A mapping of the apps of one migration. */
  AppMapping(NamespaceTemplate namespaceTemplate, Platform platform, RouteMapping routes, ValueReader reader,
      Findings findings) {
    this.namespaceTemplate = namespaceTemplate;
    this.platform = platform;
    this.routes = routes;
    this.reader = reader;
    this.findings = findings;
  }

  /** Adds the DNSPolicies and ServiceRoutes of every app. */
  void map(JsonNode values) {
    List<JsonNode> apps = reader.list(values.get("apps"), APPS);
    for (int i = 0; i < apps.size(); i++) {
      ValuesPath path = APPS.index(i);
      if (reader.isMapping(apps.get(i), path)) {
        App app = app(apps.get(i), path);
        if (app != null) {
          policy(app, apps.get(i));
          routes.map(app, apps.get(i).get("services"));
        }
      }
    }
  }

  /** The app, or {@code null} if it has no name, or no environment while the namespace needs one. */
  private App app(JsonNode entry, ValuesPath path) {
    String name = reader.requiredText(entry.get("name"), path.key("name"));
    ValuesPath environmentPath = path.key("environment");
    String environment = namespaceTemplate.usesEnvironment()
        ? reader.requiredText(entry.get("environment"), environmentPath)
        : reader.text(entry.get("environment"), environmentPath);
    if (name == null || (namespaceTemplate.usesEnvironment() && environment == null)) {
      return null;
    }
    ValuesPath namespaceSource = namespaceTemplate.usesApp() ? path.key("name")
        : namespaceTemplate.usesEnvironment() ? environmentPath : path;
    return new App(path, name, environment, namespaceTemplate.namespaceFor(name, environment), namespaceSource);
  }

  /** Adds the app's DNSPolicy unless an earlier app of the namespace added the same one. */
  private void policy(App app, JsonNode entry) {
    ValuesPath modePath = app.path().key("mode");
    ValuesPath regionPath = app.path().key("region");
    String mode = reader.text(entry.get("mode"), modePath);
    String region = reader.text(entry.get("region"), regionPath);
    boolean hasRegion = region != null && !region.isEmpty();
    if (mode == null || mode.equals(ACTIVE)) {
      if (hasRegion) {
        findings.warning(regionPath, "region '" + region + "' is ignored for active app '" + app.name() + "'");
      }
      addPolicy(app, null, modePath, regionPath);
    } else if (!mode.equals(REGION_BOUND)) {
      findings.error(modePath, Reasons.unsupported(TextNode.valueOf(mode),
          List.of(TextNode.valueOf(ACTIVE), TextNode.valueOf(REGION_BOUND))));
    } else if (!hasRegion) {
      findings.error(regionPath, "Region must be specified for regionbound app '" + app.name() + "'!");
    } else {
      warnIfNoController(app, region, regionPath);
      addPolicy(app, region, modePath, regionPath);
    }
  }

  private void warnIfNoController(App app, String region, ValuesPath regionPath) {
    boolean mayHaveController = Placeholders.in(region) || platform.controllerRegions().stream()
        .anyMatch(controllerRegion -> controllerRegion.equals(region) || Placeholders.in(controllerRegion));
    if (!mayHaveController) {
      findings.warning(regionPath, "no externalDns controller has region '" + region + "', so app '"
          + app.name() + "' gets no DNS records");
    }
  }

  private void addPolicy(App app, String sourceRegion, ValuesPath modePath, ValuesPath regionPath) {
    PolicyOwner owner = policyOwners.putIfAbsent(app.namespace(), new PolicyOwner(app.name(), sourceRegion));
    if (owner != null && !Objects.equals(owner.sourceRegion(), sourceRegion)) {
      findings.error(app.path(), "apps '" + owner.app() + "' and '" + app.name() + "' map to namespace '"
          + app.namespace() + "' but need different DNSPolicies");
    } else if (owner == null) {
      DNSPolicySpec spec = new DNSPolicySpec();
      spec.setSourceRegion(sourceRegion);
      DNSPolicy policy = new DNSPolicy();
      policy.setMetadata(new ObjectMetaBuilder().withName(POLICY_NAME).withNamespace(app.namespace()).build());
      policy.setSpec(spec);
      findings.add(GeneratedObject.of(policy, new SourcePaths(app.path())
          .map("metadata.namespace", app.namespaceSource())
          .map("spec.mode", modePath)
          .map("spec.sourceRegion", regionPath)));
    }
  }
}
