package io.servicerouter.planner;

import io.servicerouter.model.externaldns.Endpoint;

/**
 * One route record inside a grouped DNSEndpoint (SPEC §4.6): the endpoint and the name of the ServiceRoute
 * (of the group's namespace) it belongs to.
 */
public record RouteRecord(String route, Endpoint endpoint) {

  /** Estimated bytes the record adds to the stored object (endpoint JSON plus its name in the annotation). */
  int estimatedBytes() {
    int bytes = 64 + route.length() + String.valueOf(endpoint.getDnsName()).length();
    if (endpoint.getTargets() != null) {
      for (String target : endpoint.getTargets()) {
        bytes += String.valueOf(target).length() + 3;
      }
    }
    return bytes;
  }
}
