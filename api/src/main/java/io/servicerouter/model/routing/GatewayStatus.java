package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Arrays;
import java.util.List;

/** Observed state of a Gateway: load balancer address, attached routes and Ready/DNSReady conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaMerge(property = "phase", value = SchemaFragments.PHASE)
@JsonPropertyOrder({"phase", "loadBalancerIP", "attachedRoutes", "observedGeneration", "conditions"})
public class GatewayStatus extends ObservedStatus {

  private String loadBalancerIP;
  private Integer attachedRoutes;

  /** First IP of the chosen LoadBalancer Service's ingress entries. */
  public String getLoadBalancerIP() { return loadBalancerIP; }

  /** Sets the load balancer IP. */
  public void setLoadBalancerIP(String loadBalancerIP) { this.loadBalancerIP = loadBalancerIP; }

  /** Number of ServiceRoutes whose hostname the Istio Gateway lists (or would list). */
  public Integer getAttachedRoutes() { return attachedRoutes; }

  /** Sets the attached route count. */
  public void setAttachedRoutes(Integer attachedRoutes) { this.attachedRoutes = attachedRoutes; }

  @Override
  protected List<Object> kindFields() {
    return Arrays.asList(loadBalancerIP, attachedRoutes);
  }
}
