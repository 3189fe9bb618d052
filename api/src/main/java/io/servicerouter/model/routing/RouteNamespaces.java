package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;

/** Namespaces whose routes a Gateway admits: All, the Gateway's own (Same), or those matching a selector. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"from", "selector"})
@ValidationRule(value = "!has(self.from) || self.from != 'Selector' || has(self.selector)",
    message = "selector is required when from is Selector", fieldPath = ".selector")
public class RouteNamespaces {

  /** Admit routes from every namespace. */
  public static final String FROM_ALL = "All";
  /** Admit routes from the Gateway's namespace only. */
  public static final String FROM_SAME = "Same";
  /** Admit routes from namespaces whose labels match the selector. */
  public static final String FROM_SELECTOR = "Selector";

  @Default(FROM_ALL)
  @SchemaMerge(SchemaFragments.ROUTES_FROM)
  private String from = FROM_ALL;

  private RouteNamespaceSelector selector;

  /** {@code All} (default), {@code Same} or {@code Selector}. */
  public String getFrom() { return from; }

  /** Sets where routes may come from. */
  public void setFrom(String from) { this.from = from; }

  /** Label selector on Namespaces, required when from is Selector. */
  public RouteNamespaceSelector getSelector() { return selector; }

  /** Sets the selector. */
  public void setSelector(RouteNamespaceSelector selector) { this.selector = selector; }
}
