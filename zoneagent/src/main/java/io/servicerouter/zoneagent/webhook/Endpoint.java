package io.servicerouter.zoneagent.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One record set as the ExternalDNS webhook API carries it (ExternalDNS v0.22 {@code endpoint.Endpoint}, the
 * same JSON field names and omission of empty fields).
 *
 * @param dnsName the owner name, without the final dot
 * @param targets the record data, one entry per record (names without the final dot, TXT as ExternalDNS
 *     writes it, quotes included)
 * @param recordType {@code A}, {@code CNAME}, {@code TXT}, ...
 * @param setIdentifier routing policy set (unused by RFC 2136, carried back unchanged)
 * @param recordTTL the TTL in seconds; 0 means "not configured"
 * @param labels ExternalDNS's labels (owner, resource), kept in the TXT registry records, not in DNS
 * @param providerSpecific provider properties (unused by RFC 2136, carried back unchanged)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Endpoint(String dnsName, List<String> targets, String recordType, String setIdentifier,
    long recordTTL, Map<String, String> labels, List<ProviderSpecificProperty> providerSpecific) {

  /** A record set without set identifier, labels or provider properties: what a zone listing yields. */
  public static Endpoint of(String dnsName, String recordType, long recordTTL, List<String> targets) {
    return new Endpoint(dnsName, targets, recordType, null, recordTTL, null, null);
  }

  /** Targets never null, so that callers need not check. */
  @Override
  public List<String> targets() {
    return targets == null ? List.of() : targets;
  }

  /**
   * One provider-specific property.
   *
   * @param name the property's name
   * @param value its value
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ProviderSpecificProperty(String name, String value) {
  }
}
