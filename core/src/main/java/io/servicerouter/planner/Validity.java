package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.GatewaySpec;
import io.servicerouter.validation.StatusRules;
import java.util.ArrayList;
import java.util.List;

/** SPEC §2.6: schema problems plus the rules the operator checks itself ("status" in §2, {@link StatusRules}). */
final class Validity {

  private Validity() {}

  /** Problems of a Gateway: schema, controller label, postfix pattern, name length. */
  static List<String> gatewayProblems(Gateway gateway, Snapshot snapshot) {
    GatewaySpec spec = gateway.getSpec();
    return problems(gateway, snapshot, StatusRules.gateway(gateway.getMetadata().getName(),
        spec == null ? null : spec.getController(), spec == null ? null : spec.getTargetPostfix()));
  }

  /** Problems of a ServiceRoute: schema and name length. */
  static List<String> routeProblems(HasMetadata route, Snapshot snapshot) {
    return problems(route, snapshot, StatusRules.serviceRoute(route.getMetadata().getName()));
  }

  private static List<String> problems(HasMetadata object, Snapshot snapshot, List<StatusRules.Violation> violations) {
    List<String> problems = new ArrayList<>(snapshot.schemaProblems(object));
    violations.forEach(violation -> problems.add(violation.message()));
    return problems;
  }
}
