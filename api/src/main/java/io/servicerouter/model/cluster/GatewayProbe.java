package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.servicerouter.model.Patterns;

/**
 * An HTTP probe of a region's ingress gateway (e.g. Istio's {@code :15021/healthz/ready} behind the region's load
 * balancer): a 2xx answer within the timeout is a success, anything else a failure; the verdict changes only after
 * {@code failureThreshold} or {@code successThreshold} consecutive results, so a flapping gateway moves nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "intervalMilliseconds", "timeoutMilliseconds", "failureThreshold", "successThreshold"})
@ValidationRule(value = "self.timeoutMilliseconds <= self.intervalMilliseconds",
    message = "timeoutMilliseconds must not exceed intervalMilliseconds", fieldPath = ".timeoutMilliseconds")
public class GatewayProbe {

  @Required
  @Pattern(Patterns.PROBE_URL)
  @Size(max = 2048)
  private String url;

  @Required
  @Min(100)
  @Max(60000)
  private Integer intervalMilliseconds;

  @Required
  @Min(50)
  @Max(60000)
  private Integer timeoutMilliseconds;

  @Required
  @Min(1)
  @Max(100)
  private Integer failureThreshold;

  @Required
  @Min(1)
  @Max(100)
  private Integer successThreshold;

  /** The health URL of the region's gateway, reachable from the other regions. */
  public String getUrl() { return url; }

  /** Sets the URL. */
  public void setUrl(String url) { this.url = url; }

  /** P: time between probes. */
  public Integer getIntervalMilliseconds() { return intervalMilliseconds; }

  /** Sets P. */
  public void setIntervalMilliseconds(Integer intervalMilliseconds) { this.intervalMilliseconds = intervalMilliseconds; }

  /** How long one probe may take before it counts as failed. */
  public Integer getTimeoutMilliseconds() { return timeoutMilliseconds; }

  /** Sets the timeout. */
  public void setTimeoutMilliseconds(Integer timeoutMilliseconds) { this.timeoutMilliseconds = timeoutMilliseconds; }

  /** F: consecutive failures that make the gateway unhealthy. */
  public Integer getFailureThreshold() { return failureThreshold; }

  /** Sets F. */
  public void setFailureThreshold(Integer failureThreshold) { this.failureThreshold = failureThreshold; }

  /** S: consecutive successes that make it healthy again. */
  public Integer getSuccessThreshold() { return successThreshold; }

  /** Sets S. */
  public void setSuccessThreshold(Integer successThreshold) { this.successThreshold = successThreshold; }
}
