package io.servicerouter.operator.reconcile;

import io.servicerouter.model.Condition;
import io.servicerouter.model.ObservedStatus;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Turns the planner's status (decisions and {@code observedGeneration}) into the status to store: stamps each
 * condition with the status's {@code observedGeneration}, keeps each condition's stored
 * {@code lastTransitionTime} unless the condition's status changed (then the injected clock's time), and
 * answers "nothing to write" when the result equals the stored status, so that unchanged reconciles write
 * nothing. Fields the planner does not decide (a configuration's convergence record) are kept as stored.
 * The planner makes a new status object for every evaluation, and a reconcile evaluates afresh, so the
 * planned status is completed in place: no copy, no JSON conversion.
 */
public final class StatusFactory {

  private final Clock clock;

  /** Uses {@code clock} for transition times. */
  public StatusFactory(Clock clock) {
    this.clock = clock;
  }

  /**
   * The status to write, or empty when {@code stored} already holds it.
   *
   * @param stored the status stored on the object, or null
   * @param planned the planner's status for this reconcile, completed in place
   */
  public <S extends ObservedStatus> Optional<S> next(S stored, S planned) {
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    for (Condition condition : planned.getConditions()) {
      condition.setObservedGeneration(planned.getObservedGeneration());
      Optional<Condition> before = stored == null ? Optional.empty() : stored.condition(condition.getType());
      condition.setLastTransitionTime(before
          .filter(b -> condition.getStatus().equals(b.getStatus()) && b.getLastTransitionTime() != null)
          .map(Condition::getLastTransitionTime)
          .orElse(now));
    }
    planned.keepUnplannedFields(stored);
    return planned.equals(stored) ? Optional.empty() : Optional.of(planned);
  }
}
