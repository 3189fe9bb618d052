package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;

/** Desired publishing mode of a namespace, with its optional source gate and record TTL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "sourceRegion", "sourceCluster", "recordTTL"})
@ValidationRule(
    value = "!has(self.mode) || self.mode != 'RegionBound' || (has(self.sourceRegion) && size(self.sourceRegion) > 0)",
    message = "sourceRegion is required when mode is RegionBound", fieldPath = ".sourceRegion")
public class DNSPolicySpec {

  /** Mode value: publish into the zones of the regions this cluster serves. */
  public static final String MODE_ACTIVE = "Active";
  /** Mode value: the source cluster publishes into every zone. */
  public static final String MODE_REGION_BOUND = "RegionBound";

  @Default(MODE_ACTIVE)
  @SchemaMerge(SchemaFragments.POLICY_MODE)
  private String mode = MODE_ACTIVE;

  private String sourceRegion;

  private String sourceCluster;

  @Min(1)
  @Max(86400)
  @SchemaMerge(SchemaFragments.INT64)
  private Long recordTTL;

  /** {@code Active} (default) or {@code RegionBound}. */
  public String getMode() { return mode; }

  /** Sets the mode. */
  public void setMode(String mode) { this.mode = mode; }

  /** Region whose cluster is allowed to publish; empty or absent means any. */
  public String getSourceRegion() { return sourceRegion; }

  /** Sets the source region. */
  public void setSourceRegion(String sourceRegion) { this.sourceRegion = sourceRegion; }

  /** Cluster (within the source region) allowed to publish; empty or absent means any. */
  public String getSourceCluster() { return sourceCluster; }

  /** Sets the source cluster. */
  public void setSourceCluster(String sourceCluster) { this.sourceCluster = sourceCluster; }

  /** TTL in seconds of the CNAME records; absent means the provider default. */
  public Long getRecordTTL() { return recordTTL; }

  /** Sets the record TTL. */
  public void setRecordTTL(Long recordTTL) { this.recordTTL = recordTTL; }
}
