package io.servicerouter.planner;

import io.servicerouter.model.externaldns.DNSEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The address records of SPEC §3.9 for the whole cluster.
 *
 * @param action DELETE every owned address DNSEndpoint ({@code off}), KEEP all (no identity or configuration),
 *     or CONVERGE to {@code desired}, deleting owned ones that are neither desired nor of a kept pair
 * @param desired the address DNSEndpoints to converge to
 * @param keptPairs pairs whose load balancer has no usable address: their records are kept (fail static)
 * @param pending per pair, how many of its desired DNSEndpoints are missing or differ (DNSReady row f)
 * @param expected per pair, how many DNSEndpoints it should have (the controllers in scope)
 */
public record AddressPlan(RecordAction action, List<DNSEndpoint> desired, Set<AddressPair> keptPairs,
    Map<AddressPair, Integer> pending, Map<AddressPair, Integer> expected) {
}
