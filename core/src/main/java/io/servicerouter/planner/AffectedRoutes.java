package io.servicerouter.planner;

import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.HashSet;
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
   * The keys of the routes of {@code after} whose desired outputs differ from those in {@code before}. Each route
   * is evaluated once on each side and its results are not kept ({@link Evaluation#routeUnkept}): two evaluations
   * keeping every route's desired DNSEndpoints held them all twice until the comparison ended (at 10,000 routes the
   * operator ran out of its heap in a failover).
   */
  public static Set<ObjectKey> between(Snapshot before, Snapshot after, Options options) {
    Evaluation previous = new Evaluation(before, options);
    Evaluation next = new Evaluation(after, options);
    Set<ObjectKey> affected = new HashSet<>();
    for (ServiceRoute route : after.routes()) {
      RouteResult was = previous.routeUnkept(route);
      RouteResult is = next.routeUnkept(route);
      if (!Objects.equals(was.reason(), is.reason()) || !sameEndpoints(was.desired(), is.desired())) {
        affected.add(ObjectKey.of(route));
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
