package io.servicerouter.planner;

import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The routes a change of inputs affects (SPEC §7.2 convergence): those whose desired outputs, the set of
 * DNSEndpoints with their specs and the Ready reason, differ between the evaluations before and after.
 */
public final class AffectedRoutes {

  private AffectedRoutes() {}

  /**
   * The keys of the routes of {@code after} whose desired outputs differ from those in {@code before}. Routes are
   * compared a namespace at a time, each namespace with evaluations of its own: an evaluation keeps every result
   * it computed, and two over all routes held the desired DNSEndpoints of every route twice (at 10,000 routes the
   * operator ran out of its heap in a failover). The answer is the same: an evaluation depends on its snapshot only.
   */
  public static Set<ObjectKey> between(Snapshot before, Snapshot after, Options options) {
    Set<ObjectKey> affected = new HashSet<>();
    Set<String> namespaces = new LinkedHashSet<>();
    after.routes().forEach(route -> namespaces.add(route.getMetadata().getNamespace()));
    for (String namespace : namespaces) {
      Evaluation previous = new Evaluation(before, options);
      Evaluation next = new Evaluation(after, options);
      for (ServiceRoute route : after.routesIn(namespace)) {
        RouteResult was = previous.route(route);
        RouteResult is = next.route(route);
        if (!Objects.equals(was.reason(), is.reason()) || !sameEndpoints(was.desired(), is.desired())) {
          affected.add(ObjectKey.of(route));
        }
      }
    }
    return affected;
  }

  private static boolean sameEndpoints(List<DNSEndpoint> a, List<DNSEndpoint> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).getMetadata().getName().equals(b.get(i).getMetadata().getName())
          || !a.get(i).getSpec().getEndpoints().equals(b.get(i).getSpec().getEndpoints())) {
        return false;
      }
    }
    return true;
  }
}
