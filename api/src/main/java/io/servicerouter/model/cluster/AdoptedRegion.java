package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Objects;

/**
 * A region this cluster adopted by automatic failover: it holds the lease of the region's zone since
 * {@code since}, in {@code epoch}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"region", "source", "epoch", "since"})
public class AdoptedRegion {

  /** The only source so far: the failover controller took the zone over. */
  public static final String AUTOMATIC = "Automatic";

  @Required
  private String region;
  @Required
  private String source;
  @SchemaMerge(SchemaFragments.INT64)
  private Long epoch;
  @SchemaMerge(SchemaFragments.DATE_TIME)
  private String since;

  /** An empty entry (for deserialization). */
  public AdoptedRegion() {}

  /** An automatic adoption of {@code region} in lease {@code epoch} since {@code since} (RFC 3339). */
  public AdoptedRegion(String region, Long epoch, String since) {
    this.region = region;
    this.source = AUTOMATIC;
    this.epoch = epoch;
    this.since = since;
  }

  /** The adopted region. */
  public String getRegion() { return region; }

  /** Sets the region. */
  public void setRegion(String region) { this.region = region; }

  /** How it was adopted ({@value #AUTOMATIC}). */
  public String getSource() { return source; }

  /** Sets the source. */
  public void setSource(String source) { this.source = source; }

  /** The lease epoch this cluster took the region's zone in. */
  public Long getEpoch() { return epoch; }

  /** Sets the epoch. */
  public void setEpoch(Long epoch) { this.epoch = epoch; }

  /** When the takeover happened (RFC 3339). */
  public String getSince() { return since; }

  /** Sets the time. */
  public void setSince(String since) { this.since = since; }

  @Override
  public boolean equals(Object other) {
    return other instanceof AdoptedRegion that && Objects.equals(region, that.region)
        && Objects.equals(source, that.source) && Objects.equals(epoch, that.epoch) && Objects.equals(since, that.since);
  }

  @Override
  public int hashCode() {
    return Objects.hash(region, source, epoch, since);
  }

  @Override
  public String toString() {
    return region + " (" + source + ", epoch " + epoch + ", since " + since + ")";
  }
}
