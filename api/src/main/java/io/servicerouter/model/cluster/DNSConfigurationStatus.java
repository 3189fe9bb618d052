package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.List;

/**
 * Observed state of a DNSConfiguration: phase and the Ready condition; with zone agents, the lease of each fenced
 * zone ({@code zones}, written by the zone lease controller and kept by the planner's status writes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaMerge(property = "phase", value = SchemaFragments.PHASE)
@JsonPropertyOrder({"phase", "observedGeneration", "conditions", "convergence", "zones"})
public class DNSConfigurationStatus extends ConfigurationStatus {

  private List<ZoneLeaseStatus> zones;

  /** The lease of each controller's zone that has a zone agent, as this cluster's agents last read it. */
  public List<ZoneLeaseStatus> getZones() { return zones; }

  /** Sets the zone leases. */
  public void setZones(List<ZoneLeaseStatus> zones) { this.zones = zones; }

  @Override
  public void keepUnplannedFields(ObservedStatus stored) {
    super.keepUnplannedFields(stored);
    if (stored instanceof DNSConfigurationStatus configuration) {
      zones = configuration.zones;
    }
  }

  @Override
  protected List<Object> kindFields() {
    return List.of();
  }
}
