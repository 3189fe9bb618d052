package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The pure planner: evaluates every object of a snapshot (SPEC §3) and collects the desired generated
 * objects and all statuses (route records one DNSEndpoint per route, or grouped per namespace: SPEC §4.6). It has no Kubernetes client; the operator's reconcilers use the same
 * {@link Evaluation} per object, so a render always equals what the operator does.
 */
public final class Planner {

  private Planner() {}

  /** Plans the whole snapshot. */
  public static Plan plan(Snapshot snapshot, Options options) {
    Evaluation evaluation = new Evaluation(snapshot, options);
    List<HasMetadata> generated = new ArrayList<>();
    Map<HasMetadata, ObservedStatus> statuses = new IdentityHashMap<>();
    for (ClusterIdentity identity : snapshot.clusterIdentities()) {
      statuses.put(identity, evaluation.status(identity));
    }
    for (DNSConfiguration configuration : snapshot.dnsConfigurations()) {
      statuses.put(configuration, evaluation.status(configuration));
    }
    for (DNSPolicy policy : snapshot.policies()) {
      statuses.put(policy, evaluation.policyStatus(policy));
    }
    new TreeSet<>(snapshot.policies().stream().map(policy -> policy.getMetadata().getNamespace()).toList())
        .forEach(namespace -> generated.addAll(evaluation.routeGroups(namespace).desired()));
    for (ServiceRoute route : snapshot.routes()) {
      RouteResult result = evaluation.route(route);
      statuses.put(route, result.status());
      if (!options.grouped()) {
        generated.addAll(result.desired());
      }
    }
    for (Gateway gateway : snapshot.gateways()) {
      GatewayResult result = evaluation.gateway(gateway);
      statuses.put(gateway, result.status());
      if (result.desired() != null) {
        generated.add(result.desired());
      }
    }
    generated.addAll(evaluation.addressRecords().desired());
    return new Plan(generated, statuses);
  }
}
