package io.servicerouter.operator.reconcile;

import io.servicerouter.model.Condition;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.routing.DNSPolicyStatus;
import io.servicerouter.planner.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes Events of SPEC §3.11 that a status change causes, decided only from the status stored
 * before the write and the status written (never per write, so a restart with unchanged statuses emits
 * nothing). FailoverStarted/FailoverEnded are not decided here.
 */
public final class Transitions {

  /** Event type of informational events. */
  public static final String NORMAL = "Normal";
  /** Event type of problems. */
  public static final String WARNING = "Warning";

  /** Ready reasons whose entry is announced with a Warning carrying the Ready message. */
  private static final Set<String> WARNING_REASONS = Set.of(Vocabulary.SINGLETON_VIOLATION, Vocabulary.INVALID_SPEC,
      Vocabulary.POLICY_CONFLICT, Vocabulary.VALIDATION_FAILED, Vocabulary.INVALID_HOSTNAME,
      Vocabulary.NOT_ALLOWED_BY_GATEWAY, Vocabulary.TARGET_POSTFIX_CONFLICT, Vocabulary.INVALID_TARGET_HOST,
      Vocabulary.ISTIO_GATEWAY_CONFLICT, Vocabulary.DNS_ENDPOINT_CONFLICT, Vocabulary.DNS_ENDPOINT_GENERATION_FAILED,
      Vocabulary.HOSTNAME_CONFLICT);

  /**
   * One event to emit about the object whose status changed.
   *
   * @param type {@link #NORMAL} or {@link #WARNING}
   * @param reason the event reason
   * @param message the event message
   */
  public record Transition(String type, String reason, String message) {}

  private Transitions() {}

  /** The events caused by replacing {@code before} (null if none was stored) with {@code after}. */
  public static List<Transition> of(ObservedStatus before, ObservedStatus after) {
    List<Transition> result = new ArrayList<>();
    if (after instanceof DNSPolicyStatus policy) {
      policyActivation(before, policy).ifPresent(result::add);
    }
    Optional<Condition> ready = after.condition(Vocabulary.READY);
    String readyBefore = before == null ? null : before.condition(Vocabulary.READY).map(Condition::getReason).orElse(null);
    ready.filter(c -> WARNING_REASONS.contains(c.getReason()) && !c.getReason().equals(readyBefore))
        .ifPresent(c -> result.add(new Transition(WARNING, c.getReason(), c.getMessage())));
    return result;
  }

  private static Optional<Transition> policyActivation(ObservedStatus before, DNSPolicyStatus after) {
    boolean wasActive = before != null && Vocabulary.ACTIVE.equals(before.getPhase());
    boolean isActive = Vocabulary.ACTIVE.equals(after.getPhase());
    if (isActive && !wasActive) {
      List<String> controllers = Objects.requireNonNullElse(after.getActiveControllers(), List.of());
      return Optional.of(new Transition(NORMAL, "PolicyActivated",
          "DNSPolicy is active for this cluster; controllers: " + String.join(", ", controllers)));
    }
    if (wasActive && !isActive) {
      String message = after.condition(Vocabulary.READY).map(Condition::getMessage).orElse("");
      return Optional.of(new Transition(NORMAL, "PolicyDeactivated", "DNSPolicy is no longer active: " + message));
    }
    return Optional.empty();
  }
}
