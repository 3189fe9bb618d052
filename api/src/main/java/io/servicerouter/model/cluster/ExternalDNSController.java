package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.servicerouter.model.Patterns;

/**
 * One ExternalDNS instance: its name designates the zone it writes, its region the region whose serving
 * cluster feeds it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "region", "zoneAgent"})
public class ExternalDNSController {

  @Required
  @Pattern(Patterns.DNS1123_LABEL)
  @Size(max = Patterns.DNS1123_LABEL_MAX)
  private String name;

  @Required
  @Pattern(Patterns.DNS1123_LABEL)
  @Size(max = Patterns.DNS1123_LABEL_MAX)
  private String region;

  @Pattern(Patterns.ZONE_AGENT_URL)
  @Size(max = 2048)
  private String zoneAgent;

  /** Creates an empty controller (for deserialization). */
  public ExternalDNSController() {}

  /** Creates a controller entry. */
  public ExternalDNSController(String name, String region) {
    this.name = name;
    this.region = region;
  }

  /** Controller name, e.g. {@code external-dns-weu}; also the value of the controller annotation. */
  public String getName() { return name; }

  /** Sets the name. */
  public void setName(String name) { this.name = name; }

  /** Region whose serving cluster writes this controller's zone. */
  public String getRegion() { return region; }

  /** Sets the region. */
  public void setRegion(String region) { this.region = region; }

  /**
   * The management URL of this cluster's zone agent for the controller's zone (the fenced zone writer, e.g.
   * {@code http://external-dns-weu-zone-agent.external-dns:8080}); when set, the operator moves the zone's lease
   * through it: takes it when the cluster adopts the controller's region, and hands it back to the zone's home
   * once it has removed its DNSEndpoints for the controller. Absent: no lease is moved (the zone is unfenced, or
   * leases are moved by hand).
   */
  public String getZoneAgent() { return zoneAgent; }

  /** Sets the zone agent's URL. */
  public void setZoneAgent(String zoneAgent) { this.zoneAgent = zoneAgent; }
}
