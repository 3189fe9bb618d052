package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.servicerouter.model.Patterns;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.List;

/** One region's failover: which regions may take over its zones, in order, and how they probe its gateway. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"region", "standbys", "probe"})
@ValidationRule(value = "!self.standbys.exists(s, s == self.region)",
    message = "a region cannot be its own standby", fieldPath = ".standbys")
public class FailoverRegion {

  @Required
  @Pattern(Patterns.DNS1123_LABEL)
  @Size(max = Patterns.DNS1123_LABEL_MAX)
  private String region;

  @Required
  @Size(min = 1, max = 16)
  @SchemaMerge(SchemaFragments.SET)
  private List<@Pattern(Patterns.DNS1123_LABEL) @Size(max = Patterns.DNS1123_LABEL_MAX) String> standbys;

  @Required
  private GatewayProbe probe;

  /** The region whose zones fail over. */
  public String getRegion() { return region; }

  /** Sets the region. */
  public void setRegion(String region) { this.region = region; }

  /** The regions that may take over, in order: the k-th (from 0) waits k x 2 renew intervals longer. */
  public List<String> getStandbys() { return standbys; }

  /** Sets the standbys. */
  public void setStandbys(List<String> standbys) { this.standbys = standbys; }

  /** The probe of the region's gateway, run by its standbys (and by the home before it reclaims). */
  public GatewayProbe getProbe() { return probe; }

  /** Sets the probe. */
  public void setProbe(GatewayProbe probe) { this.probe = probe; }
}
