package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.servicerouter.model.Patterns;

/** Desired route: the parts of the hostname and the Gateway that serves it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"serviceName", "gatewayName", "gatewayNamespace", "environment", "application"})
public class ServiceRouteSpec {

  @Required
  @Pattern(Patterns.DNS1123_LABEL)
  @Size(max = Patterns.DNS1123_LABEL_MAX)
  private String serviceName;

  @Required
  @Size(min = 1)
  private String gatewayName;

  private String gatewayNamespace;

  @Required
  @Pattern(Patterns.DNS1123_LABEL)
  @Size(max = Patterns.DNS1123_LABEL_MAX)
  private String environment;

  @Required
  @Pattern(Patterns.DNS1123_LABEL)
  @Size(max = Patterns.DNS1123_LABEL_MAX)
  private String application;

  /** First part of the hostname, e.g. {@code web}. */
  public String getServiceName() { return serviceName; }

  /** Sets the service name. */
  public void setServiceName(String serviceName) { this.serviceName = serviceName; }

  /** Name of the routing Gateway that serves the route. */
  public String getGatewayName() { return gatewayName; }

  /** Sets the gateway name. */
  public void setGatewayName(String gatewayName) { this.gatewayName = gatewayName; }

  /** Namespace of the Gateway; absent or empty means the operator's default gateway namespace. */
  public String getGatewayNamespace() { return gatewayNamespace; }

  /** Sets the gateway namespace. */
  public void setGatewayNamespace(String gatewayNamespace) { this.gatewayNamespace = gatewayNamespace; }

  /** Environment name used in the hostname, e.g. {@code prod}. */
  public String getEnvironment() { return environment; }

  /** Sets the environment. */
  public void setEnvironment(String environment) { this.environment = environment; }

  /** Application name used in the hostname, e.g. {@code shop}. */
  public String getApplication() { return application; }

  /** Sets the application. */
  public void setApplication(String application) { this.application = application; }
}
