package io.servicerouter.model.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;
import java.util.Objects;

/**
 * The lease of one controller's zone as this cluster's zone agent last read it (issue 14): who may write the
 * zone, in which epoch, and this cluster's role in it. Written by the operator's zone lease controller, only for
 * controllers with a {@code zoneAgent}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"controller", "holder", "epoch", "role"})
public class ZoneLeaseStatus {

  private String controller;
  private String holder;
  @SchemaMerge(SchemaFragments.INT64)
  private Long epoch;
  private String role;

  /** An empty entry (for deserialization). */
  public ZoneLeaseStatus() {}

  /** An entry; {@code holder} and {@code epoch} null while the zone has no lease. */
  public ZoneLeaseStatus(String controller, String holder, Long epoch, String role) {
    this.controller = controller;
    this.holder = holder;
    this.epoch = epoch;
    this.role = role;
  }

  /** The ExternalDNS controller whose zone it is. */
  public String getController() { return controller; }

  /** Sets the controller. */
  public void setController(String controller) { this.controller = controller; }

  /** The cluster that may write the zone, {@code cluster/region}; absent while the zone has no lease. */
  public String getHolder() { return holder; }

  /** Sets the holder. */
  public void setHolder(String holder) { this.holder = holder; }

  /** The lease's epoch: one more on every change of the lease. */
  public Long getEpoch() { return epoch; }

  /** Sets the epoch. */
  public void setEpoch(Long epoch) { this.epoch = epoch; }

  /**
   * This cluster's role: {@code Owner} (the home holds its zone), {@code Adopted} (this cluster holds another
   * region's zone), {@code Standby} (another cluster holds it), {@code NoLease}.
   */
  public String getRole() { return role; }

  /** Sets the role. */
  public void setRole(String role) { this.role = role; }

  @Override
  public boolean equals(Object other) {
    return other instanceof ZoneLeaseStatus that && Objects.equals(controller, that.controller)
        && Objects.equals(holder, that.holder) && Objects.equals(epoch, that.epoch) && Objects.equals(role, that.role);
  }

  @Override
  public int hashCode() {
    return Objects.hash(controller, holder, epoch, role);
  }

  @Override
  public String toString() {
    return controller + ": " + holder + " epoch " + epoch + " (" + role + ")";
  }
}
