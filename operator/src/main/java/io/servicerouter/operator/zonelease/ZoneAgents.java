package io.servicerouter.operator.zonelease;

import io.servicerouter.fence.Lease;
import java.io.IOException;
import java.util.Optional;

/** The lease operations of this cluster's zone agents, each named by its management URL. */
public interface ZoneAgents {

  /** The lease as the agent reads it from the DNS server now; empty while the zone has none. */
  Optional<Lease> current(String agent) throws IOException;

  /** Makes this cluster the holder (a no-op when it is); the lease afterwards. */
  Optional<Lease> take(String agent) throws IOException;

  /** Gives the lease to the zone's home if this cluster holds it; the lease afterwards. */
  Optional<Lease> release(String agent) throws IOException;
}
