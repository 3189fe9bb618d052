package io.servicerouter.planner;

import io.servicerouter.model.Condition;
import io.servicerouter.model.routing.Gateway;

/**
 * Rows 1-4 of SPEC §3.7 for one Gateway: the part of its evaluation that does not depend on routes, and
 * that its routes depend on (route row 7).
 *
 * @param gateway the Gateway
 * @param valid whether it passes §2.6 (schema and status rules)
 * @param phase the phase of the failing row, or null when rows 1-4 pass
 * @param notReady the Ready condition of the failing row, or null when rows 1-4 pass
 * @param targetHost the gateway's DNS name {@code {K}-{R}-{postfix}.{D}} when rows 1-4 pass, else null
 */
public record GatewayReadiness(Gateway gateway, boolean valid, String phase, Condition notReady, String targetHost) {

  /** Whether rows 1-4 pass, so the Gateway can list hosts and publish its name. */
  public boolean usable() {
    return notReady == null;
  }
}
