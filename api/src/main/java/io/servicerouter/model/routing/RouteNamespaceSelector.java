package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** A standard Kubernetes label selector on Namespace labels. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"matchLabels", "matchExpressions"})
public class RouteNamespaceSelector {

  private Map<String, String> matchLabels;
  private List<SelectorRequirement> matchExpressions;

  /** Labels that must all be present with these values. */
  public Map<String, String> getMatchLabels() { return matchLabels; }

  /** Sets the label equality requirements. */
  public void setMatchLabels(Map<String, String> matchLabels) { this.matchLabels = matchLabels; }

  /** Set-based requirements that must all hold. */
  public List<SelectorRequirement> getMatchExpressions() { return matchExpressions; }

  /** Sets the set-based requirements. */
  public void setMatchExpressions(List<SelectorRequirement> matchExpressions) { this.matchExpressions = matchExpressions; }
}
