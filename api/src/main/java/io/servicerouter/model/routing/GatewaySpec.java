package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Desired gateway: Istio controller, TLS credential, DNS postfix and which namespaces may attach routes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"controller", "credentialName", "targetPostfix", "allowedRoutes"})
public class GatewaySpec {

  @Required
  @Size(min = 1)
  private String controller;

  @Required
  @Size(min = 1)
  private String credentialName;

  @Required
  @Size(min = 1)
  private String targetPostfix;

  private AllowedRoutes allowedRoutes;

  /** The Istio ingress gateway selector value {@code istio=<controller>}. */
  public String getController() { return controller; }

  /** Sets the controller. */
  public void setController(String controller) { this.controller = controller; }

  /** Name of the TLS secret of the HTTPS server. */
  public String getCredentialName() { return credentialName; }

  /** Sets the credential name. */
  public void setCredentialName(String credentialName) { this.credentialName = credentialName; }

  /** Postfix of the gateway's DNS name, e.g. {@code internal}. */
  public String getTargetPostfix() { return targetPostfix; }

  /** Sets the target postfix. */
  public void setTargetPostfix(String targetPostfix) { this.targetPostfix = targetPostfix; }

  /** Which namespaces may attach routes; absent means all. */
  public AllowedRoutes getAllowedRoutes() { return allowedRoutes; }

  /** Sets the allowed routes. */
  public void setAllowedRoutes(AllowedRoutes allowedRoutes) { this.allowedRoutes = allowedRoutes; }
}
