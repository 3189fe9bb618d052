package io.servicerouter.planner;

import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.RecordCount;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * SPEC §4.6: the grouped route DNSEndpoints of one namespace, built from the per-route decisions of §3.8. A
 * CONVERGE route contributes its record for each of its controllers, a KEEP route the records the stored groups
 * hold for it (exactly as stored), a DELETE route nothing. In the route layout the same rules retire the groups:
 * a stored record stays until its route's own DNSEndpoint exists (or the route keeps or deletes its records),
 * so that switching layouts never removes a record from a zone before its replacement is written.
 */
final class RouteGroupRules {

  private static final Comparator<RouteRecord> ORDER = Comparator
      .comparing((RouteRecord record) -> String.valueOf(record.endpoint().getDnsName()))
      .thenComparing(RouteRecord::route);

  private RouteGroupRules() {}

  static RouteGroupPlan evaluate(String namespace, Evaluation evaluation, Snapshot snapshot) {
    List<DNSEndpoint> existing = snapshot.existing().map(e -> e.routeGroups(namespace)).orElse(List.of());
    boolean grouped = evaluation.options().grouped();
    Optional<PolicyResult> policy = evaluation.namespacePolicy(namespace);
    if (policy.isEmpty() || !grouped && existing.isEmpty()) {
      return RouteGroupPlan.NONE;
    }
    Map<String, List<DNSEndpoint>> owned = new TreeMap<>();
    Set<String> taken = new TreeSet<>();
    List<String> conflicts = new ArrayList<>();
    for (DNSEndpoint object : existing) {
      String controller = RouteGroups.controllerOf(object.getMetadata().getName()).orElseThrow();
      if (RouteGroups.isOwned(object)) {
        owned.computeIfAbsent(controller, c -> new ArrayList<>()).add(object);
      } else {
        taken.add(controller);
        conflicts.add(ObjectKey.of(object).toString());
      }
    }
    Stored stored = new Stored(owned);
    Map<String, List<RouteRecord>> records = new TreeMap<>();
    List<DNSEndpoint> retired = new ArrayList<>();
    for (ServiceRoute route : snapshot.routesIn(namespace)) {
      RouteResult result = evaluation.route(route);
      String name = route.getMetadata().getName();
      switch (result.action()) {
        case CONVERGE -> {
          if (grouped) {
            for (DNSEndpoint endpoint : result.desired()) {
              records.computeIfAbsent(controllerOf(endpoint), c -> new ArrayList<>())
                  .add(new RouteRecord(name, endpoint.getSpec().getEndpoints().get(0)));
            }
            retired.addAll(result.owned());
          } else {
            Set<String> pending = new HashSet<>();
            result.desired().forEach(endpoint -> pending.add(controllerOf(endpoint)));
            result.owned().forEach(endpoint -> pending.remove(controllerOf(endpoint)));
            stored.keep(name, pending::contains, records);
          }
        }
        case KEEP -> stored.keep(name, controller -> true, records);
        case DELETE -> { }
      }
    }
    return build(policy.get(), evaluation, owned, taken, conflicts, records, retired);
  }

  private static RouteGroupPlan build(PolicyResult policy, Evaluation evaluation, Map<String, List<DNSEndpoint>> owned,
      Set<String> taken, List<String> conflicts, Map<String, List<RouteRecord>> records, List<DNSEndpoint> retired) {
    Map<String, ExternalDNSController> configured = new LinkedHashMap<>();
    evaluation.cluster().controllers().orElse(List.of()).forEach(c -> configured.putIfAbsent(c.getName(), c));
    Set<String> controllers = new TreeSet<>(records.keySet());
    controllers.addAll(owned.keySet());
    List<DNSEndpoint> creates = new ArrayList<>();
    List<DNSEndpoint> updates = new ArrayList<>();
    List<DNSEndpoint> obsolete = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String controller : controllers) {
      List<DNSEndpoint> ownedGroups = owned.getOrDefault(controller, List.of());
      List<RouteRecord> controllerRecords = new ArrayList<>(records.getOrDefault(controller, List.of()));
      if (taken.contains(controller) || !controllerRecords.isEmpty() && !configured.containsKey(controller)) {
        // A foreign object holds a group name, or the controller left the configuration while kept routes still
        // have records for it: leave its groups exactly as they are (fail static).
        ownedGroups.forEach(group -> names.add(group.getMetadata().getName()));
        counts.put(controller, ownedGroups.stream().mapToInt(g -> RouteGroups.storedRecords(g).size()).sum());
        continue;
      }
      controllerRecords.sort(ORDER);
      Set<String> desiredNames = new HashSet<>();
      List<List<RouteRecord>> shards = controllerRecords.isEmpty() ? List.of() : Shards.split(controllerRecords);
      for (int shard = 0; shard < shards.size(); shard++) {
        if (shards.get(shard).isEmpty()) {
          continue;
        }
        DNSEndpoint group = Generated.routeGroup(RouteGroups.name(controller, shard), policy.policy(),
            configured.get(controller), shards.get(shard));
        String name = group.getMetadata().getName();
        desiredNames.add(name);
        names.add(name);
        boolean exists = ownedGroups.stream().anyMatch(g -> g.getMetadata().getName().equals(name));
        (exists ? updates : creates).add(group);
      }
      ownedGroups.stream().filter(g -> !desiredNames.contains(g.getMetadata().getName())).forEach(obsolete::add);
      if (!controllerRecords.isEmpty()) {
        counts.put(controller, controllerRecords.size());
      }
    }
    List<DNSEndpoint> desired = new ArrayList<>(creates);
    updates.sort(Comparator.comparing(group -> removesRecords(group, owned)));
    desired.addAll(updates);
    return new RouteGroupPlan(desired, obsolete, retired, List.copyOf(names), counts(policy, counts), conflicts);
  }

  /**
   * Whether writing {@code group} removes a record its stored version has: such updates go after the others, so a
   * record moving between shards is in its new object before it leaves the old one.
   */
  private static boolean removesRecords(DNSEndpoint group, Map<String, List<DNSEndpoint>> owned) {
    String controller = RouteGroups.controllerOf(group.getMetadata().getName()).orElseThrow();
    Set<Endpoint> now = new HashSet<>(group.getSpec().getEndpoints());
    return owned.getOrDefault(controller, List.of()).stream()
        .filter(stored -> stored.getMetadata().getName().equals(group.getMetadata().getName()))
        .flatMap(stored -> RouteGroups.storedRecords(stored).stream())
        .anyMatch(record -> !now.contains(record.endpoint()));
  }

  /** Counts in activeControllers order (zero for an active controller without records), then the others. */
  private static List<RecordCount> counts(PolicyResult policy, Map<String, Integer> counts) {
    List<RecordCount> result = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (String controller : policy.activeControllers()) {
      result.add(new RecordCount(controller, counts.getOrDefault(controller, 0)));
      listed.add(controller);
    }
    new TreeMap<>(counts).forEach((controller, count) -> {
      if (!listed.contains(controller)) {
        result.add(new RecordCount(controller, count));
      }
    });
    return result;
  }

  private static String controllerOf(DNSEndpoint endpoint) {
    return endpoint.getMetadata().getLabels().get(Labels.LABEL_CONTROLLER);
  }

  /** The records the owned groups hold, by controller and route. */
  private static final class Stored {

    private final Map<String, Map<String, Set<RouteRecord>>> byController = new TreeMap<>();

    Stored(Map<String, List<DNSEndpoint>> owned) {
      owned.forEach((controller, groups) -> groups.forEach(group -> RouteGroups.storedRecords(group).forEach(record ->
          byController.computeIfAbsent(controller, c -> new LinkedHashMap<>())
              .computeIfAbsent(record.route(), r -> new LinkedHashSet<>()).add(record))));
    }

    /** Adds the stored records of {@code route} for the controllers {@code which} accepts to {@code records}. */
    void keep(String route, Predicate<String> which, Map<String, List<RouteRecord>> records) {
      byController.forEach((controller, routes) -> {
        Set<RouteRecord> kept = routes.get(route);
        if (kept != null && which.test(controller)) {
          records.computeIfAbsent(controller, c -> new ArrayList<>()).addAll(kept);
        }
      });
    }
  }
}
