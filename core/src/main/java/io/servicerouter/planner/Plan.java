package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.ObservedStatus;
import java.util.List;
import java.util.Map;

/**
 * Everything the planner decides for a snapshot: the generated objects to converge to and the status of
 * every input object of the five kinds. This is what {@code render} prints.
 *
 * @param generated route DNSEndpoints of converging routes, Istio Gateways of converging Gateways and the
 *     desired address DNSEndpoints
 * @param statuses the status of each input object (identity map)
 */
public record Plan(List<HasMetadata> generated, Map<HasMetadata, ObservedStatus> statuses) {
}
