package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Objects;

/**
 * The leader's record of the last configuration convergence (SPEC §7.2) of a ClusterIdentity or
 * DNSConfiguration, stored in its status so that a replica that becomes leader, or the same one after a crash,
 * knows whether the records still have to follow this object's spec: open while {@code completionTime} is absent
 * or {@code generation} is not the object's current one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"generation", "startTime", "completionTime"})
public class ConvergenceRecord {

  @SchemaMerge(SchemaFragments.INT64)
  private Long generation;
  @SchemaMerge(SchemaFragments.DATE_TIME)
  private String startTime;
  @SchemaMerge(SchemaFragments.DATE_TIME)
  private String completionTime;

  /** A record of a convergence of {@code generation} started at {@code startTime}, completed if the time is set. */
  public static ConvergenceRecord of(long generation, String startTime, String completionTime) {
    ConvergenceRecord record = new ConvergenceRecord();
    record.generation = generation;
    record.startTime = startTime;
    record.completionTime = completionTime;
    return record;
  }

  /** The object's {@code metadata.generation} whose effect on the records the convergence waits for. */
  public Long getGeneration() { return generation; }

  /** Sets the generation. */
  public void setGeneration(Long generation) { this.generation = generation; }

  /** When the leader observed the change (RFC 3339). */
  public String getStartTime() { return startTime; }

  /** Sets the start time. */
  public void setStartTime(String startTime) { this.startTime = startTime; }

  /** When every affected route had been reconciled (RFC 3339); absent while the convergence is open. */
  public String getCompletionTime() { return completionTime; }

  /** Sets the completion time. */
  public void setCompletionTime(String completionTime) { this.completionTime = completionTime; }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConvergenceRecord record && Objects.equals(generation, record.generation)
        && Objects.equals(startTime, record.startTime) && Objects.equals(completionTime, record.completionTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(generation, startTime, completionTime);
  }
}
