package io.servicerouter.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicerouter.model.Condition;
import io.servicerouter.model.Json;
import io.servicerouter.model.ObservedStatus;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Turns the planner's status (decisions only) into the status to store: sets {@code observedGeneration}
 * on the status and its conditions, keeps each condition's stored {@code lastTransitionTime} unless the
 * condition's status changed (then the injected clock's time), and answers "nothing to write" when the
 * result equals the stored status, so that unchanged reconciles write nothing.
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
   * @param planned the planner's status; not modified
   * @param generation the object's metadata.generation
   */
  public <S extends ObservedStatus> Optional<S> next(S stored, S planned, long generation) {
    S result = Json.copy(planned);
    result.setObservedGeneration(generation);
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    for (Condition condition : result.getConditions()) {
      condition.setObservedGeneration(generation);
      Optional<Condition> before = stored == null ? Optional.empty() : stored.condition(condition.getType());
      condition.setLastTransitionTime(before
          .filter(b -> condition.getStatus().equals(b.getStatus()) && b.getLastTransitionTime() != null)
          .map(Condition::getLastTransitionTime)
          .orElse(now));
    }
    return stored != null && tree(stored).equals(tree(result)) ? Optional.empty() : Optional.of(result);
  }

  private static JsonNode tree(ObservedStatus status) {
    return Json.toNode(status);
  }
}
