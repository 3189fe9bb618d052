package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.servicerouter.model.Patterns;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.List;

/** Desired identity of the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"region", "cluster", "domain", "environmentLetter", "adoptsRegions", "approveReclaimEpoch"})
@ValidationRule(value = "!has(self.adoptsRegions) || !self.adoptsRegions.exists(r, r == self.region)",
    message = "adoptsRegions must not contain the cluster's own region", fieldPath = ".adoptsRegions")
public class ClusterIdentitySpec {

  @Required
  @Pattern(Patterns.DNS1123_LABEL)
  @Size(max = Patterns.DNS1123_LABEL_MAX)
  private String region;

  @Required
  @Pattern(Patterns.DNS1123_LABEL)
  @Size(max = Patterns.DNS1123_LABEL_MAX)
  private String cluster;

  @Required
  @Pattern(Patterns.DOMAIN)
  @ValidationRule(value = "self.matches('" + Patterns.DOMAIN_LABEL_LENGTHS + "')",
      message = "each label of the domain must be at most " + Patterns.DNS1123_LABEL_MAX + " characters")
  private String domain;

  @Required
  @Pattern(Patterns.ENVIRONMENT_LETTER)
  private String environmentLetter;

  @Size(max = 32)
  @SchemaMerge(SchemaFragments.SET)
  private List<@Pattern(Patterns.DNS1123_LABEL) @Size(max = Patterns.DNS1123_LABEL_MAX) String> adoptsRegions;

  @Min(1)
  private Long approveReclaimEpoch;

  /** The cluster's own region, e.g. {@code weu}. */
  public String getRegion() { return region; }

  /** Sets the region. */
  public void setRegion(String region) { this.region = region; }

  /** The cluster's name within its region, e.g. {@code aks01}. */
  public String getCluster() { return cluster; }

  /** Sets the cluster name. */
  public void setCluster(String cluster) { this.cluster = cluster; }

  /** The platform domain, e.g. {@code example.com}. */
  public String getDomain() { return domain; }

  /** Sets the domain. */
  public void setDomain(String domain) { this.domain = domain; }

  /** One-letter environment code used in hostnames, e.g. {@code p}. */
  public String getEnvironmentLetter() { return environmentLetter; }

  /** Sets the environment letter. */
  public void setEnvironmentLetter(String environmentLetter) { this.environmentLetter = environmentLetter; }

  /** Regions of failed clusters this cluster stands in for (manual failover). */
  public List<String> getAdoptsRegions() { return adoptsRegions; }

  /** Sets the adopted regions. */
  public void setAdoptsRegions(List<String> adoptsRegions) { this.adoptsRegions = adoptsRegions; }

  /**
   * With automatic failover and a manual hand-back: the lease epoch of the adoption of this cluster's zones that
   * an operator approves to end; the recovered cluster claims its zones back only while this equals the current
   * epoch, so an approval never carries over to a later adoption.
   */
  public Long getApproveReclaimEpoch() { return approveReclaimEpoch; }

  /** Sets the approved epoch. */
  public void setApproveReclaimEpoch(Long approveReclaimEpoch) { this.approveReclaimEpoch = approveReclaimEpoch; }
}
