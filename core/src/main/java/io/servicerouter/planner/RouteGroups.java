package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Labels;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and ownership of the grouped route DNSEndpoints of SPEC §4.6, and how a stored group says which record
 * belongs to which route ({@link Labels#ANNOTATION_ROUTES}, so that it survives an operator restart).
 */
public final class RouteGroups {

  /** {@code {controller}.routes} or a shard {@code {controller}.routes.{n}}. */
  private static final Pattern NAME = Pattern.compile("(.+)\\.routes(?:\\.([1-9][0-9]{0,5}))?");

  private static final String POLICY_KIND = HasMetadata.getKind(DNSPolicy.class);

  private RouteGroups() {}

  /** The name of shard {@code shard} of a controller's group: {@code {c}.routes} for 0, else {@code {c}.routes.{shard}}. */
  public static String name(String controller, int shard) {
    return shard == 0 ? controller + ".routes" : controller + ".routes." + shard;
  }

  /** The controller whose group (or shard) a DNSEndpoint name is, if it is a group name. */
  public static Optional<String> controllerOf(String name) {
    Matcher matcher = NAME.matcher(name);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** Whether an object's name is a group name (of any controller). */
  public static boolean hasGroupName(HasMetadata object) {
    return controllerOf(object.getMetadata().getName()).isPresent();
  }

  /**
   * Whether the operator owns a group object (SPEC §4.6): its controller owner reference is a DNSPolicy and it
   * carries the operator's labels of a group.
   */
  public static boolean isOwned(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null && Labels.OPERATOR_NAME.equals(labels.get(Labels.MANAGED_BY))
        && Labels.RESOURCE_TYPE_SERVICE_ROUTES.equals(labels.get(Labels.LABEL_RESOURCE_TYPE))
        && object.getMetadata().getOwnerReferences().stream().anyMatch(reference ->
            Boolean.TRUE.equals(reference.getController()) && POLICY_KIND.equals(reference.getKind()));
  }

  /**
   * The records a stored group holds, each with its route, as its annotation lists them. A group whose annotation
   * does not name one route per endpoint (edited by hand) attributes nothing: its records are rewritten from the
   * desired state, as any manual modification of an owned object is repaired.
   */
  static List<RouteRecord> storedRecords(DNSEndpoint group) {
    String annotation = group.getMetadata().getAnnotations() == null ? null
        : group.getMetadata().getAnnotations().get(Labels.ANNOTATION_ROUTES);
    List<Endpoint> endpoints = group.getSpec() == null || group.getSpec().getEndpoints() == null ? List.of()
        : group.getSpec().getEndpoints();
    if (annotation == null || endpoints.isEmpty()) {
      return List.of();
    }
    String[] routes = annotation.split(",", -1);
    if (routes.length != endpoints.size()) {
      return List.of();
    }
    List<RouteRecord> records = new ArrayList<>(routes.length);
    for (int i = 0; i < routes.length; i++) {
      records.add(new RouteRecord(routes[i], endpoints.get(i)));
    }
    return records;
  }
}
