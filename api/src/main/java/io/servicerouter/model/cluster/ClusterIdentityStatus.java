package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Arrays;
import java.util.List;

/**
 * Observed state of a ClusterIdentity: phase, served regions, the Ready/AdoptedRegionsValid conditions and the
 * automatically adopted regions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaMerge(property = "phase", value = SchemaFragments.PHASE)
@JsonPropertyOrder({"phase", "servedRegions", "adoptedRegions", "observedGeneration", "conditions", "convergence"})
public class ClusterIdentityStatus extends ConfigurationStatus {

  private List<String> servedRegions;
  @SchemaMerge(SchemaFragments.MAP_BY_REGION)
  private List<AdoptedRegion> adoptedRegions;

  /** The own region followed by the effective adopted regions, in spec order. */
  public List<String> getServedRegions() { return servedRegions; }

  /** Sets the served regions. */
  public void setServedRegions(List<String> servedRegions) { this.servedRegions = servedRegions; }

  /**
   * The regions this cluster adopted automatically because it holds their zones' leases (issue 15), written by the
   * failover controller and kept by the planner's status writes; the planner serves them exactly like
   * {@code spec.adoptsRegions}.
   */
  public List<AdoptedRegion> getAdoptedRegions() { return adoptedRegions; }

  /** Sets the automatically adopted regions. */
  public void setAdoptedRegions(List<AdoptedRegion> adoptedRegions) { this.adoptedRegions = adoptedRegions; }

  @Override
  public void keepUnplannedFields(ObservedStatus stored) {
    super.keepUnplannedFields(stored);
    if (stored instanceof ClusterIdentityStatus identity) {
      adoptedRegions = identity.adoptedRegions;
    }
  }

  @Override
  protected List<Object> kindFields() {
    return Arrays.asList(servedRegions);
  }
}
