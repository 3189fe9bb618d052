package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.List;

/** Desired ExternalDNS controller list; its order is the order of every activeControllers list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DNSConfigurationSpec {

  @Required
  @Size(min = 1)
  @SchemaMerge(SchemaFragments.MAP_BY_NAME)
  private List<ExternalDNSController> externalDNSControllers;

  private FailoverSpec failover;

  /** The controllers, in significant order. */
  public List<ExternalDNSController> getExternalDNSControllers() { return externalDNSControllers; }

  /** Sets the controllers. */
  public void setExternalDNSControllers(List<ExternalDNSController> externalDNSControllers) {
    this.externalDNSControllers = externalDNSControllers;
  }

  /** Automatic failover of the fenced zones; absent: failover is manual (adoptsRegions), as without zone agents. */
  public FailoverSpec getFailover() { return failover; }

  /** Sets the failover settings. */
  public void setFailover(FailoverSpec failover) { this.failover = failover; }
}
