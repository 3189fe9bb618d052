package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.Namespace;
import io.servicerouter.model.routing.AllowedRoutes;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.RouteNamespaceSelector;
import io.servicerouter.model.routing.RouteNamespaces;
import io.servicerouter.model.routing.SelectorRequirement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SPEC §3.7 Admission: whether a Gateway admits routes from a namespace. */
final class Admission {

  private static final String NAME_LABEL = "kubernetes.io/metadata.name";

  private Admission() {}

  static boolean admits(Gateway gateway, String routeNamespace, Optional<Namespace> namespace) {
    AllowedRoutes allowed = gateway.getSpec().getAllowedRoutes();
    RouteNamespaces namespaces = allowed == null ? null : allowed.getNamespaces();
    String from = namespaces == null || namespaces.getFrom() == null ? RouteNamespaces.FROM_ALL : namespaces.getFrom();
    switch (from) {
      case RouteNamespaces.FROM_SAME:
        return routeNamespace.equals(gateway.getMetadata().getNamespace());
      case RouteNamespaces.FROM_SELECTOR:
        return matches(namespaces.getSelector(), labels(routeNamespace, namespace));
      default:
        return true;
    }
  }

  /** The namespace's labels; the API server always sets the name label, and an invisible namespace has only it. */
  private static Map<String, String> labels(String name, Optional<Namespace> namespace) {
    Map<String, String> labels = new HashMap<>();
    namespace.map(n -> n.getMetadata().getLabels()).ifPresent(labels::putAll);
    labels.put(NAME_LABEL, name);
    return labels;
  }

  private static boolean matches(RouteNamespaceSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> required : selector.getMatchLabels().entrySet()) {
        if (!required.getValue().equals(labels.get(required.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (SelectorRequirement requirement : selector.getMatchExpressions()) {
        if (!matches(requirement, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matches(SelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    switch (requirement.getOperator()) {
      case "In":
        return value != null && values.contains(value);
      case "NotIn":
        return value == null || !values.contains(value);
      case "Exists":
        return value != null;
      case "DoesNotExist":
        return value == null;
      default:
        return false;
    }
  }
}
