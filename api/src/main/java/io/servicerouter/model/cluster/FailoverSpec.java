package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.List;

/**
 * Automatic failover of the fenced zones (issue 15; docs/operations.md §6.5): the lease holder of each zone
 * renews its heartbeat every {@code renewIntervalSeconds}; a standby takes the zone over only when the heartbeat
 * stood still for {@code leaseDurationSeconds} (plus its rank delay) and the owner region's gateway failed its
 * probe {@code failureThreshold} times in a row. The timing rules keep a live owner from being deposed: the lease
 * outlasts three renewals, the holder's agent stops writing ({@code renewDeadlineSeconds}) before a standby can
 * take over, and a probe verdict fits in the lease duration minus two renewals.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "renewIntervalSeconds", "leaseDurationSeconds", "renewDeadlineSeconds", "handback",
    "regions"})
@ValidationRule(value = "self.leaseDurationSeconds >= 3 * self.renewIntervalSeconds",
    message = "leaseDurationSeconds must be at least 3 times renewIntervalSeconds", fieldPath = ".leaseDurationSeconds")
@ValidationRule(value = "self.renewIntervalSeconds < self.renewDeadlineSeconds"
    + " && self.renewDeadlineSeconds < self.leaseDurationSeconds",
    message = "renewDeadlineSeconds must lie strictly between renewIntervalSeconds and leaseDurationSeconds",
    fieldPath = ".renewDeadlineSeconds")
@ValidationRule(value = "self.regions.all(r, r.probe.failureThreshold * r.probe.intervalMilliseconds"
    + " <= (self.leaseDurationSeconds - 2 * self.renewIntervalSeconds) * 1000)",
    message = "each region's probe failureThreshold x intervalMilliseconds must fit in"
        + " leaseDurationSeconds - 2 x renewIntervalSeconds", fieldPath = ".regions")
public class FailoverSpec {

  /** {@code mode}: leases moved only by adoptsRegions (today's behaviour). */
  public static final String MANUAL = "Manual";
  /** {@code mode}: leases renewed, taken over and handed back by the operators. */
  public static final String AUTOMATIC = "Automatic";

  @Required
  @SchemaMerge(SchemaFragments.FAILOVER_MODE)
  private String mode;

  @Required
  @Min(1)
  @Max(300)
  private Integer renewIntervalSeconds;

  @Required
  @Min(3)
  @Max(3600)
  private Integer leaseDurationSeconds;

  @Required
  @Min(2)
  @Max(3600)
  private Integer renewDeadlineSeconds;

  @Required
  private FailoverHandback handback;

  @Required
  @Size(min = 1, max = 64)
  @SchemaMerge(SchemaFragments.MAP_BY_REGION)
  private List<FailoverRegion> regions;

  /** {@link #MANUAL} or {@link #AUTOMATIC}. */
  public String getMode() { return mode; }

  /** Sets the mode. */
  public void setMode(String mode) { this.mode = mode; }

  /** R: how often the lease holder rewrites its heartbeat. */
  public Integer getRenewIntervalSeconds() { return renewIntervalSeconds; }

  /** Sets R. */
  public void setRenewIntervalSeconds(Integer renewIntervalSeconds) { this.renewIntervalSeconds = renewIntervalSeconds; }

  /** L: how long a standby must see the heartbeat unchanged before the lease counts as expired. */
  public Integer getLeaseDurationSeconds() { return leaseDurationSeconds; }

  /** Sets L. */
  public void setLeaseDurationSeconds(Integer leaseDurationSeconds) { this.leaseDurationSeconds = leaseDurationSeconds; }

  /** D: the holder's zone agent refuses writes when its last successful renewal started longer ago. */
  public Integer getRenewDeadlineSeconds() { return renewDeadlineSeconds; }

  /** Sets D. */
  public void setRenewDeadlineSeconds(Integer renewDeadlineSeconds) { this.renewDeadlineSeconds = renewDeadlineSeconds; }

  /** When an adopter gives a zone back to its recovered home. */
  public FailoverHandback getHandback() { return handback; }

  /** Sets the hand-back rules. */
  public void setHandback(FailoverHandback handback) { this.handback = handback; }

  /** Per region: its standbys in order and how they probe its gateway. */
  public List<FailoverRegion> getRegions() { return regions; }

  /** Sets the regions. */
  public void setRegions(List<FailoverRegion> regions) { this.regions = regions; }
}
