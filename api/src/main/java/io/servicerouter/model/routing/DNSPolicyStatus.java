package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Arrays;
import java.util.List;

/** Observed state of a DNSPolicy: whether it is active here and which controllers it feeds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaMerge(property = "phase", value = SchemaFragments.POLICY_PHASE)
@JsonPropertyOrder({"phase", "active", "activeControllers", "dnsEndpoints", "records", "observedGeneration", "conditions"})
public class DNSPolicyStatus extends ObservedStatus {

  private Boolean active;
  private List<String> activeControllers;
  private List<String> dnsEndpoints;
  private List<RecordCount> records;

  /** Whether the policy's source gate lets this cluster publish. */
  public Boolean getActive() { return active; }

  /** Sets the active flag. */
  public void setActive(Boolean active) { this.active = active; }

  /** Controllers the namespace's routes publish through, in DNSConfiguration order (Active phase only). */
  public List<String> getActiveControllers() { return activeControllers; }

  /** Sets the active controllers. */
  public void setActiveControllers(List<String> activeControllers) { this.activeControllers = activeControllers; }

  /** Names of the namespace's grouped route DNSEndpoints, sorted (namespace layout only, SPEC §4.6). */
  public List<String> getDnsEndpoints() { return dnsEndpoints; }

  /** Sets the grouped DNSEndpoint names. */
  public void setDnsEndpoints(List<String> dnsEndpoints) { this.dnsEndpoints = dnsEndpoints; }

  /** Route records per controller in the grouped DNSEndpoints (namespace layout only, SPEC §4.6). */
  public List<RecordCount> getRecords() { return records; }

  /** Sets the record counts. */
  public void setRecords(List<RecordCount> records) { this.records = records; }

  @Override
  protected List<Object> kindFields() {
    return Arrays.asList(active, activeControllers, dnsEndpoints, records);
  }
}
