package io.servicerouter.drill;

/**
 * How the drill's ExternalDNS instances write their zones: through a zone agent each (the fenced zone writer,
 * the default), or with ExternalDNS's in-tree RFC 2136 provider as before the fence (to measure what the fence
 * costs, and to show what it prevents).
 */
public enum Fencing {
  /** Every instance writes through its zone agent; a zone is written only by the holder of its lease. */
  FENCED,
  /** Every instance writes with {@code --provider=rfc2136} directly: nothing stops a second writer. */
  UNFENCED
}
