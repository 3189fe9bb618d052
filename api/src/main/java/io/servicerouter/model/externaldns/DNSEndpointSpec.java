package io.servicerouter.model.externaldns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The records of a DNSEndpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DNSEndpointSpec {

  private List<Endpoint> endpoints = new ArrayList<>();

  /** Creates an empty spec (for deserialization). */
  public DNSEndpointSpec() {}

  /** Creates a spec holding these records. */
  public DNSEndpointSpec(List<Endpoint> endpoints) {
    this.endpoints = endpoints;
  }

  /** The records. */
  public List<Endpoint> getEndpoints() { return endpoints; }

  /** Sets the records. */
  public void setEndpoints(List<Endpoint> endpoints) { this.endpoints = endpoints; }

  @Override
  public boolean equals(Object other) {
    return other instanceof DNSEndpointSpec spec && Objects.equals(endpoints, spec.endpoints);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(endpoints);
  }
}
