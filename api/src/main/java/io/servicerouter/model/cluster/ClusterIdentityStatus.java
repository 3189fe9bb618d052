package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Arrays;
import java.util.List;

/** Observed state of a ClusterIdentity: phase, served regions and the Ready/AdoptedRegionsValid conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaMerge(property = "phase", value = SchemaFragments.PHASE)
@JsonPropertyOrder({"phase", "servedRegions", "observedGeneration", "conditions", "convergence"})
public class ClusterIdentityStatus extends ConfigurationStatus {

  private List<String> servedRegions;

  /** The own region followed by the effective adopted regions, in spec order. */
  public List<String> getServedRegions() { return servedRegions; }

  /** Sets the served regions. */
  public void setServedRegions(List<String> servedRegions) { this.servedRegions = servedRegions; }

  @Override
  protected List<Object> kindFields() {
    return Arrays.asList(servedRegions);
  }
}
