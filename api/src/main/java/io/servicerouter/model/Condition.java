package io.servicerouter.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Objects;

/**
 * A status condition with the standard Kubernetes schema (metav1.Condition), so that kubectl and
 * tooling such as {@code kubectl wait --for=condition=Ready} understand it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "status", "reason", "message", "lastTransitionTime", "observedGeneration"})
public class Condition {

  /** Condition status value meaning the condition holds. */
  public static final String TRUE = "True";
  /** Condition status value meaning the condition does not hold. */
  public static final String FALSE = "False";

  @Required
  @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")
  @Size(max = 316)
  private String type;

  @Required
  @SchemaMerge(SchemaFragments.CONDITION_STATUS)
  private String status;

  @Required
  @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
  @Size(min = 1, max = 1024)
  private String reason;

  @Required
  @Size(max = 32768)
  private String message;

  @Required
  @SchemaMerge(SchemaFragments.DATE_TIME)
  private String lastTransitionTime;

  @Min(0)
  @SchemaMerge(SchemaFragments.INT64)
  private Long observedGeneration;

  /** Creates an empty condition (for deserialization). */
  public Condition() {}

  /** Creates a condition without transition time and generation, as the planner decides it. */
  public Condition(String type, String status, String reason, String message) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
  }

  /** The condition type, e.g. {@code Ready}. */
  public String getType() { return type; }

  /** Sets the condition type. */
  public void setType(String type) { this.type = type; }

  /** {@code True}, {@code False} or {@code Unknown}. */
  public String getStatus() { return status; }

  /** Sets the condition status. */
  public void setStatus(String status) { this.status = status; }

  /** A machine-readable CamelCase reason for the status. */
  public String getReason() { return reason; }

  /** Sets the reason. */
  public void setReason(String reason) { this.reason = reason; }

  /** A human-readable explanation. */
  public String getMessage() { return message; }

  /** Sets the message. */
  public void setMessage(String message) { this.message = message; }

  /** RFC 3339 time of the last change of {@link #getStatus()}; absent in offline renders. */
  public String getLastTransitionTime() { return lastTransitionTime; }

  /** Sets the last transition time. */
  public void setLastTransitionTime(String lastTransitionTime) { this.lastTransitionTime = lastTransitionTime; }

  /** The generation of the object this condition was computed from. */
  public Long getObservedGeneration() { return observedGeneration; }

  /** Sets the observed generation. */
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }

  /** True when type, status, reason and message are equal: the parts the planner decides. */
  public boolean sameDecision(Condition other) {
    return other != null
        && Objects.equals(type, other.type)
        && Objects.equals(status, other.status)
        && Objects.equals(reason, other.reason)
        && Objects.equals(message, other.message);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Condition)) {
      return false;
    }
    Condition c = (Condition) o;
    return sameDecision(c)
        && Objects.equals(lastTransitionTime, c.lastTransitionTime)
        && Objects.equals(observedGeneration, c.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message, lastTransitionTime, observedGeneration);
  }

  @Override
  public String toString() {
    return type + "=" + status + "/" + reason + " \"" + message + "\"";
  }
}
