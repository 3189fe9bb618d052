package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.List;

/** One set-based label requirement: key, operator and values. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"key", "operator", "values"})
@ValidationRule(
    value = "self.operator in ['In', 'NotIn'] ? (has(self.values) && size(self.values) > 0) : (!has(self.values) || size(self.values) == 0)",
    message = "values must be non-empty for In and NotIn, and empty for Exists and DoesNotExist")
public class SelectorRequirement {

  @Required
  @Size(min = 1)
  private String key;

  @Required
  @SchemaMerge(SchemaFragments.SELECTOR_OPERATOR)
  private String operator;

  private List<String> values;

  /** The label key. */
  public String getKey() { return key; }

  /** Sets the key. */
  public void setKey(String key) { this.key = key; }

  /** {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}. */
  public String getOperator() { return operator; }

  /** Sets the operator. */
  public void setOperator(String operator) { this.operator = operator; }

  /** Values for In and NotIn. */
  public List<String> getValues() { return values; }

  /** Sets the values. */
  public void setValues(List<String> values) { this.values = values; }
}
