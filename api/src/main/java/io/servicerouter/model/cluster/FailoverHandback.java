package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;

/**
 * When an automatic adopter gives a zone back: the recovered home's claim has been renewed for
 * {@code stableSeconds}, the home's gateway passed its probe {@code successThreshold} times in a row, the zone
 * stayed adopted for {@code minAdoptedSeconds}, and, in {@code Manual} mode, the home's ClusterIdentity approves
 * the reclaim of the current epoch ({@code spec.approveReclaimEpoch}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "stableSeconds", "minAdoptedSeconds"})
public class FailoverHandback {

  @Required
  @SchemaMerge(SchemaFragments.FAILOVER_MODE)
  private String mode;

  @Required
  @Min(0)
  @Max(86400)
  private Integer stableSeconds;

  @Required
  @Min(0)
  @Max(86400)
  private Integer minAdoptedSeconds;

  /** {@code Manual} (the home claims only once approved for the epoch) or {@code Automatic}. */
  public String getMode() { return mode; }

  /** Sets the mode. */
  public void setMode(String mode) { this.mode = mode; }

  /** H: how long the home's claim must have been renewed before the hand-back. */
  public Integer getStableSeconds() { return stableSeconds; }

  /** Sets H. */
  public void setStableSeconds(Integer stableSeconds) { this.stableSeconds = stableSeconds; }

  /** M: the shortest adoption, so that a flapping home does not move the zone to and fro. */
  public Integer getMinAdoptedSeconds() { return minAdoptedSeconds; }

  /** Sets M. */
  public void setMinAdoptedSeconds(Integer minAdoptedSeconds) { this.minAdoptedSeconds = minAdoptedSeconds; }
}
