package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewaySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** SPEC §2.6: schema problems plus the rules the operator checks itself ("status" in §2). */
final class Validity {

  private static final Pattern DNS1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern POSTFIX = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  private static final int MAX_NAME = 63;

  private Validity() {}

  /** Problems of a Gateway: schema, controller label, postfix pattern, name length. */
  static List<String> gatewayProblems(Gateway gateway, Snapshot snapshot) {
    List<String> problems = new ArrayList<>(snapshot.schemaProblems(gateway));
    GatewaySpec spec = gateway.getSpec();
    if (spec != null && spec.getController() != null && !isLabel(spec.getController())) {
      problems.add("controller must be a DNS-1123 label: " + spec.getController());
    }
    if (spec != null && spec.getTargetPostfix() != null && !POSTFIX.matcher(spec.getTargetPostfix()).matches()) {
      problems.add("targetPostfix must be lowercase alphanumeric with hyphens: " + spec.getTargetPostfix());
    }
    addNameLength(gateway, problems);
    return problems;
  }

  /** Problems of a ServiceRoute: schema and name length. */
  static List<String> routeProblems(HasMetadata route, Snapshot snapshot) {
    List<String> problems = new ArrayList<>(snapshot.schemaProblems(route));
    addNameLength(route, problems);
    return problems;
  }

  private static void addNameLength(HasMetadata object, List<String> problems) {
    if (object.getMetadata().getName().length() > MAX_NAME) {
      problems.add("metadata.name must be no more than " + MAX_NAME + " characters");
    }
  }

  private static boolean isLabel(String value) {
    return value.length() <= MAX_NAME && DNS1123_LABEL.matcher(value).matches();
  }
}
