package io.servicerouter.model.externaldns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/** One DNS record of a DNSEndpoint: name, type, targets and optional TTL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"dnsName", "recordType", "targets", "recordTTL"})
public class Endpoint {

  private String dnsName;
  private String recordType;
  private List<String> targets;
  private Long recordTTL;

  /** Creates an empty record (for deserialization). */
  public Endpoint() {}

  /** Creates a record. */
  public Endpoint(String dnsName, String recordType, List<String> targets, Long recordTTL) {
    this.dnsName = dnsName;
    this.recordType = recordType;
    this.targets = targets;
    this.recordTTL = recordTTL;
  }

  /** The record name. */
  public String getDnsName() { return dnsName; }

  /** Sets the record name. */
  public void setDnsName(String dnsName) { this.dnsName = dnsName; }

  /** {@code CNAME}, {@code A} or {@code AAAA}. */
  public String getRecordType() { return recordType; }

  /** Sets the record type. */
  public void setRecordType(String recordType) { this.recordType = recordType; }

  /** The record's values. */
  public List<String> getTargets() { return targets; }

  /** Sets the values. */
  public void setTargets(List<String> targets) { this.targets = targets; }

  /** TTL in seconds; absent means the provider default. */
  public Long getRecordTTL() { return recordTTL; }

  /** Sets the TTL. */
  public void setRecordTTL(Long recordTTL) { this.recordTTL = recordTTL; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Endpoint)) {
      return false;
    }
    Endpoint e = (Endpoint) o;
    return Objects.equals(dnsName, e.dnsName) && Objects.equals(recordType, e.recordType)
        && Objects.equals(targets, e.targets) && Objects.equals(recordTTL, e.recordTTL);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dnsName, recordType, targets, recordTTL);
  }
}
