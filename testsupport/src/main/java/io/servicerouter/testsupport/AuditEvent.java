package io.servicerouter.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One write request as the API server's audit log reports it (stage {@code ResponseComplete}).
 *
 * @param user {@code user.username}, e.g. the CN of a client certificate
 * @param verb create, update, patch, delete or deletecollection
 * @param group the API group of the object, empty for the core group
 * @param resource the resource, e.g. {@code dnsendpoints}
 * @param subresource the subresource, e.g. {@code status}, or empty
 * @param namespace the object's namespace, or empty
 * @param name the object's name, or empty (a create may have none)
 * @param code the HTTP status of the response, 0 if none was logged
 */
public record AuditEvent(String user, String verb, String group, String resource, String subresource,
    String namespace, String name, int code) {

  /** The API group of Leases, which the write counts leave out (leader election renews them all the time). */
  public static final String LEASE_GROUP = "coordination.k8s.io";

  /** Reads an audit event of {@code audit.k8s.io/v1} in its JSON form. */
  static AuditEvent of(JsonNode event) {
    JsonNode object = event.path("objectRef");
    return new AuditEvent(event.path("user").path("username").asText(""), event.path("verb").asText(""),
        object.path("apiGroup").asText(""), object.path("resource").asText(""),
        object.path("subresource").asText(""), object.path("namespace").asText(""),
        object.path("name").asText(""), event.path("responseStatus").path("code").asInt(0));
  }

  /** Whether this is a write on a Lease. */
  public boolean lease() {
    return LEASE_GROUP.equals(group) && "leases".equals(resource);
  }

  /** Whether this is a write on an Event (core or {@code events.k8s.io}). */
  public boolean event() {
    return "events".equals(resource);
  }

  /** A short description, e.g. {@code patch dnsendpoints/status ns/name -> 200}. */
  @Override
  public String toString() {
    return verb + " " + (group.isEmpty() ? "" : group + "/") + resource
        + (subresource.isEmpty() ? "" : "/" + subresource) + " " + (namespace.isEmpty() ? "" : namespace + "/")
        + name + " -> " + code + " by " + user;
  }
}
