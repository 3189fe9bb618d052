package io.servicerouter.operator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.CustomResource;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.planner.IndexedSnapshot;
import io.servicerouter.planner.Plan;
import io.servicerouter.planner.Planner;
import io.servicerouter.planner.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The oracle of the fault cases: the pure planner's plan of the inputs as stored in the API server, compared with
 * the DNSEndpoints and statuses stored there. "Every record right, no record lost, statuses true" means: the
 * operator's DNSEndpoints in the inputs' namespaces are exactly the planned ones, with the planned endpoints, and
 * every route and policy has the planned phase and Ready reason.
 */
final class ExpectedState {

  private ExpectedState() {}

  /** The differences between the plan and the stored state, empty when the operator converged. */
  static List<String> differences(KubernetesClient client, FailoverInputs inputs, Predicate<String> ignoredRecords) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(client.resources(ClusterIdentity.class).list().getItems());
    objects.addAll(client.resources(DNSConfiguration.class).list().getItems());
    Map<String, DNSEndpoint> stored = new TreeMap<>();
    for (String namespace : inputs.namespaceNames()) {
      objects.add(client.namespaces().withName(namespace).get());
      objects.addAll(client.resources(Gateway.class).inNamespace(namespace).list().getItems());
      objects.addAll(client.resources(DNSPolicy.class).inNamespace(namespace).list().getItems());
      objects.addAll(client.resources(ServiceRoute.class).inNamespace(namespace).list().getItems());
      objects.addAll(client.services().inNamespace(namespace).list().getItems());
      client.resources(DNSEndpoint.class).inNamespace(namespace).withLabels(FailoverInputs.managed()).list()
          .getItems().forEach(endpoint -> stored.put(key(endpoint), endpoint));
    }
    Plan plan = Planner.plan(IndexedSnapshot.builder(inputs.options()).addAll(objects).build(), inputs.options());
    Map<String, DNSEndpoint> planned = new TreeMap<>();
    plan.generated().stream().filter(DNSEndpoint.class::isInstance)
        .forEach(endpoint -> planned.put(key(endpoint), (DNSEndpoint) endpoint));
    planned.keySet().removeIf(ignoredRecords);
    stored.keySet().removeIf(ignoredRecords);

    List<String> differences = new ArrayList<>();
    Set<String> names = new java.util.TreeSet<>(planned.keySet());
    names.addAll(stored.keySet());
    for (String name : names) {
      DNSEndpoint want = planned.get(name);
      DNSEndpoint have = stored.get(name);
      if (want == null) {
        differences.add("DNSEndpoint " + name + " is stored but not planned");
      } else if (have == null) {
        differences.add("DNSEndpoint " + name + " is planned but missing");
      } else if (!want.getSpec().equals(have.getSpec())) {
        differences.add("DNSEndpoint " + name + " differs: stored " + have.getSpec().getEndpoints() + ", planned "
            + want.getSpec().getEndpoints());
      }
    }
    plan.statuses().forEach((object, status) -> {
      if (object instanceof ServiceRoute || object instanceof DNSPolicy) {
        compareStatus((CustomResource<?, ?>) object, status, differences);
      }
    });
    return differences;
  }

  /** Asserts that the operator converged: no difference, none ignored. */
  static void assertConverged(KubernetesClient client, FailoverInputs inputs) {
    assertThat(differences(client, inputs, name -> false)).as("differences from the plan").isEmpty();
  }

  /** How many of the inputs' stored routes are in each phase ("none" for a route without a status). */
  static Map<String, Long> routePhases(KubernetesClient client, FailoverInputs inputs) {
    return inputs.namespaceNames().stream()
        .flatMap(namespace -> client.resources(ServiceRoute.class).inNamespace(namespace).list().getItems().stream())
        .collect(Collectors.groupingBy(route -> route.getStatus() == null ? "none" : route.getStatus().getPhase(),
            TreeMap::new, Collectors.counting()));
  }

  private static void compareStatus(CustomResource<?, ?> object, ObservedStatus planned, List<String> differences) {
    ObservedStatus stored = (ObservedStatus) object.getStatus();
    String name = object.getKind() + " " + key(object);
    if (stored == null) {
      differences.add(name + " has no status");
      return;
    }
    String want = planned.getPhase() + "/" + reason(planned);
    String have = stored.getPhase() + "/" + reason(stored);
    if (!want.equals(have) || !planned.getObservedGeneration().equals(stored.getObservedGeneration())) {
      differences.add(name + " status " + have + " (generation " + stored.getObservedGeneration() + "), planned "
          + want + " (generation " + planned.getObservedGeneration() + ")");
    }
  }

  private static String reason(ObservedStatus status) {
    return status.condition(Vocabulary.READY).map(condition -> condition.getReason()).orElse("-");
  }

  private static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }
}
