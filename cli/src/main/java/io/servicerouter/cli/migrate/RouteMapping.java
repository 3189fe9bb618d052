package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps {@code apps[i].services[G][j] = S} to ServiceRoute {@code <app>-<S>} in the app's namespace (SPEC
 * §6.2 mapping table), rejecting unknown gateways, services under two gateways of one app and routes
 * generated twice, and warning about hostnames the operator would find invalid (SPEC §3.8).
 */
final class RouteMapping {

  private static final int MAX_FIRST_LABEL = 63;
  private static final int MAX_HOSTNAME = 253;

  /** A service item: its name and the values path of that name. */
  private record Service(String name, ValuesPath namePath) {}

  private final String gatewayNamespace;
  private final Set<String> gatewayNames;
  private final Platform platform;
  private final ValueReader reader;
  private final Findings findings;
  private final Set<String> generatedRoutes = new HashSet<>();

  /** A mapping of the routes of one migration; routes may reference the Gateways {@code gatewayNames}. */
  RouteMapping(String gatewayNamespace, Set<String> gatewayNames, Platform platform, ValueReader reader,
      Findings findings) {
    this.gatewayNamespace = gatewayNamespace;
    this.gatewayNames = gatewayNames;
    this.platform = platform;
    this.reader = reader;
    this.findings = findings;
  }

  /** Adds the ServiceRoutes of one app from its {@code services} value. */
  void map(App app, JsonNode services) {
    if (services == null || services.isNull()) {
      return;
    }
    if (!services.isObject()) {
      findings.error(app.path().key("services"), "must be a map from gateway name to a list of service names");
      return;
    }
    Map<String, String> gatewayOfService = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : services.properties()) {
      ValuesPath gatewayPath = app.path().key("services").key(entry.getKey());
      if (!gatewayNames.contains(entry.getKey())) {
        findings.error(gatewayPath, "Gateway '" + entry.getKey() + "' referenced in app '" + app.name()
            + "' not found in gateways list!");
      } else if (!entry.getValue().isNull() && !entry.getValue().isArray()) {
        findings.error(gatewayPath, "must be a list of service names");
      } else {
        for (int j = 0; j < entry.getValue().size(); j++) {
          route(app, entry.getKey(), gatewayPath.index(j), entry.getValue().get(j), gatewayOfService);
        }
      }
    }
  }

  private void route(App app, String gateway, ValuesPath itemPath, JsonNode item, Map<String, String> gatewayOfService) {
    Service service = service(item, itemPath);
    if (service == null) {
      return;
    }
    String firstGateway = gatewayOfService.putIfAbsent(service.name(), gateway);
    String name = app.name() + "-" + service.name();
    if (firstGateway != null && !firstGateway.equals(gateway)) {
      findings.error(itemPath, "service '" + service.name() + "' of app '" + app.name()
          + "' is listed under more than one gateway");
    } else if (!generatedRoutes.add(app.namespace() + "/" + name)) {
      findings.error(itemPath, "ServiceRoute " + app.namespace() + "/" + name + " is generated twice");
    } else {
      findings.add(serviceRoute(app, gateway, name, service, itemPath));
      warnIfHostnameInvalid(app, service.name(), name, itemPath);
    }
  }

  /** The service of an item: a string, or a mapping with a {@code name}; {@code null} if it has no name. */
  private Service service(JsonNode item, ValuesPath itemPath) {
    ValuesPath namePath = item.isObject() ? itemPath.key("name") : itemPath;
    String name = reader.requiredText(item.isObject() ? item.get("name") : item, namePath);
    return name == null ? null : new Service(name, namePath);
  }

  private GeneratedObject serviceRoute(App app, String gateway, String name, Service service, ValuesPath itemPath) {
    ServiceRouteSpec spec = new ServiceRouteSpec();
    spec.setServiceName(service.name());
    spec.setGatewayName(gateway);
    spec.setGatewayNamespace(gatewayNamespace);
    spec.setEnvironment(app.environment());
    spec.setApplication(app.name());
    ServiceRoute route = new ServiceRoute();
    route.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(app.namespace()).build());
    route.setSpec(spec);
    return GeneratedObject.of(route, new SourcePaths(itemPath)
        .map("metadata.name", itemPath)
        .map("metadata.namespace", app.namespaceSource())
        .map("spec.serviceName", service.namePath())
        .map("spec.gatewayName", app.path().key("services").key(gateway))
        .map("spec.environment", app.path().key("environment"))
        .map("spec.application", app.path().key("name")));
  }

  /** Warns when the hostname {@code {S}-ns-{E}-{environment}-{app}.{D}} breaks the limits of SPEC §3.8. */
  private void warnIfHostnameInvalid(App app, String service, String routeName, ValuesPath itemPath) {
    List<String> parts = Arrays.asList(
        service, platform.environmentLetter(), app.environment(), app.name(), platform.domain());
    if (parts.stream().anyMatch(part -> part == null || Placeholders.in(part))) {
      return;
    }
    String firstLabel = service + "-ns-" + platform.environmentLetter() + "-" + app.environment() + "-" + app.name();
    String hostname = firstLabel + "." + platform.domain();
    String problem = firstLabel.length() > MAX_FIRST_LABEL
        ? "first label has " + firstLabel.length() + " characters (maximum " + MAX_FIRST_LABEL + ")"
        : hostname.length() > MAX_HOSTNAME ? hostname.length() + " characters (maximum " + MAX_HOSTNAME + ")" : null;
    if (problem != null) {
      findings.warning(itemPath, "ServiceRoute " + app.namespace() + "/" + routeName
          + " would fail with InvalidHostname: hostname \"" + hostname + "\" is invalid: " + problem);
    }
  }
}
