package io.servicerouter.model.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** How many route records of a namespace one ExternalDNS controller publishes (SPEC §4.6, DNSPolicy status). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"controller", "count"})
public class RecordCount {

  private String controller;
  private Integer count;

  /** For deserialization. */
  public RecordCount() {}

  /** A count of {@code count} records for {@code controller}. */
  public RecordCount(String controller, int count) {
    this.controller = controller;
    this.count = count;
  }

  /** The ExternalDNS controller's name. */
  public String getController() { return controller; }

  /** Sets the controller. */
  public void setController(String controller) { this.controller = controller; }

  /** The number of route records in the controller's grouped DNSEndpoints of the namespace. */
  public Integer getCount() { return count; }

  /** Sets the count. */
  public void setCount(Integer count) { this.count = count; }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordCount that && Objects.equals(controller, that.controller)
        && Objects.equals(count, that.count);
  }

  @Override
  public int hashCode() {
    return Objects.hash(controller, count);
  }

  @Override
  public String toString() {
    return controller + "=" + count;
  }
}
