package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.List;

/** Observed state of a DNSConfiguration: phase and the Ready condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaMerge(property = "phase", value = SchemaFragments.PHASE)
@JsonPropertyOrder({"phase", "observedGeneration", "conditions", "convergence"})
public class DNSConfigurationStatus extends ConfigurationStatus {

  @Override
  protected List<Object> kindFields() {
    return List.of();
  }
}
