package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.externaldns.Endpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The chosen LoadBalancer Service of an Istio controller and the records its address gives (SPEC §3.7, §3.9). */
final class LoadBalancers {

  private LoadBalancers() {}

  /** The first, by (namespace, name), LoadBalancer Service labelled {@code istio=<controller>}. */
  static Optional<Service> chosen(Snapshot snapshot, String istioController) {
    return snapshot.loadBalancerServices(istioController).stream()
        .min(Comparator.comparing(ObjectKey::of));
  }

  static List<LoadBalancerIngress> ingress(Service service) {
    if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null
        || service.getStatus().getLoadBalancer().getIngress() == null) {
      return List.of();
    }
    return service.getStatus().getLoadBalancer().getIngress();
  }

  /** The first {@code ip} of the ingress entries, or null. */
  static String firstIp(Service service) {
    return ingress(service).stream().map(LoadBalancerIngress::getIp).filter(LoadBalancers::present).findFirst().orElse(null);
  }

  /**
   * The records for a target host: one A with the IPv4 addresses, one AAAA with the IPv6 ones, or, with no
   * IP at all, one CNAME to the first hostname. Empty when no entry has an ip or hostname.
   */
  static List<Endpoint> records(Service service, String targetHost) {
    Set<String> v4 = new LinkedHashSet<>();
    Set<String> v6 = new LinkedHashSet<>();
    String firstHostname = null;
    for (LoadBalancerIngress entry : ingress(service)) {
      if (present(entry.getIp())) {
        (entry.getIp().contains(":") ? v6 : v4).add(entry.getIp());
      } else if (firstHostname == null && present(entry.getHostname())) {
        firstHostname = entry.getHostname();
      }
    }
    List<Endpoint> records = new ArrayList<>();
    if (!v4.isEmpty()) {
      records.add(new Endpoint(targetHost, "A", List.copyOf(v4), Generated.ADDRESS_RECORD_TTL));
    }
    if (!v6.isEmpty()) {
      records.add(new Endpoint(targetHost, "AAAA", List.copyOf(v6), Generated.ADDRESS_RECORD_TTL));
    }
    if (records.isEmpty() && firstHostname != null) {
      records.add(new Endpoint(targetHost, "CNAME", List.of(firstHostname), Generated.ADDRESS_RECORD_TTL));
    }
    return records;
  }

  private static boolean present(String value) {
    return value != null && !value.isEmpty();
  }
}
