package io.servicerouter.planner;

import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.DNSPolicyStatus;
import java.util.List;

/**
 * The evaluation of one DNSPolicy (SPEC §3.5).
 *
 * @param policy the evaluated policy
 * @param status its status (phase, active, activeControllers, Ready)
 */
public record PolicyResult(DNSPolicy policy, DNSPolicyStatus status) {

  /** The controllers the namespace publishes through; empty unless the phase is Active. */
  public List<String> activeControllers() {
    return status.getActiveControllers() == null ? List.of() : status.getActiveControllers();
  }

  /** The Ready reason. */
  public String reason() {
    return status.getConditions().get(0).getReason();
  }

  /** The Ready message. */
  public String message() {
    return status.getConditions().get(0).getMessage();
  }
}
