package io.servicerouter.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Status members common to every kind: phase, observed generation and conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ObservedStatus {

  private String phase;
  @SchemaMerge(SchemaFragments.INT64)
  private Long observedGeneration;
  @SchemaMerge(SchemaFragments.CONDITIONS)
  private List<Condition> conditions = new ArrayList<>();

  /** The summary phase, e.g. {@code Active}. */
  public String getPhase() { return phase; }

  /** Sets the phase. */
  public void setPhase(String phase) { this.phase = phase; }

  /** {@code metadata.generation} of the spec that was evaluated. */
  public Long getObservedGeneration() { return observedGeneration; }

  /** Sets the observed generation. */
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }

  /** Conditions in the kind's fixed order. */
  public List<Condition> getConditions() { return conditions; }

  /** Sets the conditions. */
  public void setConditions(List<Condition> conditions) { this.conditions = conditions; }

  /** The condition of the given type, if present. */
  public Optional<Condition> condition(String type) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * The values of the kind's own status fields in a fixed order (nulls allowed), so that equality compares
   * statuses field by field: the operator writes a status only when it differs from the stored one.
   */
  protected abstract List<Object> kindFields();

  /**
   * Takes from {@code stored} the fields that a writer other than the planner owns, so that a status write built
   * from the planner's status does not erase them. None by default.
   */
  public void keepUnplannedFields(ObservedStatus stored) {
  }

  @Override
  public final boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (other == null || other.getClass() != getClass()) {
      return false;
    }
    ObservedStatus status = (ObservedStatus) other;
    return Objects.equals(phase, status.phase) && Objects.equals(observedGeneration, status.observedGeneration)
        && Objects.equals(conditions, status.conditions) && kindFields().equals(status.kindFields());
  }

  @Override
  public final int hashCode() {
    return Objects.hash(phase, observedGeneration, conditions, kindFields());
  }
}
