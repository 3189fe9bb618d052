package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Arrays;
import java.util.List;

/** Observed state of a ServiceRoute: its hostname, CNAME target and DNSEndpoints. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaMerge(property = "phase", value = SchemaFragments.PHASE)
@JsonPropertyOrder({"phase", "hostname", "targetHost", "dnsEndpoints", "dnsEndpoint", "observedGeneration", "conditions"})
public class ServiceRouteStatus extends ObservedStatus {

  private String hostname;
  private String targetHost;
  private List<String> dnsEndpoints;
  private String dnsEndpoint;

  /** The route's hostname, when it can be computed. */
  public String getHostname() { return hostname; }

  /** Sets the hostname. */
  public void setHostname(String hostname) { this.hostname = hostname; }

  /** The CNAME target (the Gateway's name in this cluster), when it can be computed. */
  public String getTargetHost() { return targetHost; }

  /** Sets the target host. */
  public void setTargetHost(String targetHost) { this.targetHost = targetHost; }

  /** Names of the route's DNSEndpoints, in activeControllers order. */
  public List<String> getDnsEndpoints() { return dnsEndpoints; }

  /** Sets the DNSEndpoint names. */
  public void setDnsEndpoints(List<String> dnsEndpoints) { this.dnsEndpoints = dnsEndpoints; }

  /** First element of {@link #getDnsEndpoints()}, kept for compatibility. */
  public String getDnsEndpoint() { return dnsEndpoint; }

  /** Sets the first DNSEndpoint name. */
  public void setDnsEndpoint(String dnsEndpoint) { this.dnsEndpoint = dnsEndpoint; }

  @Override
  protected List<Object> kindFields() {
    return Arrays.asList(hostname, targetHost, dnsEndpoints, dnsEndpoint);
  }
}
