package io.servicerouter.fence;

/**
 * The lease action for one controller's zone, and why.
 *
 * @param controller the ExternalDNS controller whose zone it is
 * @param zoneAgent the management URL of this cluster's zone agent for that zone
 * @param home whether this cluster is the home of the zone (its controller's region is the cluster's)
 * @param action what to ask the agent
 * @param reason why, for logs and Events
 */
public record LeaseIntent(String controller, String zoneAgent, boolean home, LeaseAction action, String reason) {
}
