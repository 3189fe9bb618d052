package io.servicerouter.planner;

import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SPEC §3.9: the gateways' address DNSEndpoints for the whole cluster. */
final class AddressRecordRules {

  private AddressRecordRules() {}

  static AddressPlan evaluate(Evaluation evaluation, Snapshot snapshot) {
    AddressRecordsMode mode = evaluation.options().addressRecords();
    ClusterContext cluster = evaluation.cluster();
    if (mode == AddressRecordsMode.OFF) {
      return new AddressPlan(RecordAction.DELETE, List.of(), Set.of(), Map.of(), Map.of());
    }
    if (cluster.identity().isEmpty() || cluster.controllers().isEmpty()) {
      return new AddressPlan(RecordAction.KEEP, List.of(), Set.of(), Map.of(), Map.of());
    }
    List<ExternalDNSController> scope = scope(evaluation, snapshot, cluster.controllers().get(), mode);
    Map<AddressPair, Gateway> pairs = pairs(evaluation, snapshot);
    Set<AddressPair> kept = new HashSet<>();
    Map<AddressPair, Integer> expected = new HashMap<>();
    Map<AddressPair, List<DNSEndpoint>> desiredByPair = new LinkedHashMap<>();
    for (Map.Entry<AddressPair, Gateway> entry : pairs.entrySet()) {
      AddressPair pair = entry.getKey();
      Optional<Service> service = LoadBalancers.chosen(snapshot, pair.istioController());
      if (service.isEmpty()) {
        expected.put(pair, 0);
        continue;
      }
      List<Endpoint> records = LoadBalancers.records(service.get(),
          Routes.targetHost(pair.targetPostfix(), cluster.identity().get()));
      if (records.isEmpty()) {
        kept.add(pair);
        continue;
      }
      List<DNSEndpoint> desired = new ArrayList<>();
      for (ExternalDNSController controller : scope) {
        desired.add(Generated.addressEndpoint(service.get(), pair.istioController(), pair.targetPostfix(), controller,
            records));
      }
      expected.put(pair, desired.size());
      desiredByPair.put(pair, desired);
    }
    return resolveNames(desiredByPair, pairs, expected, kept, evaluation, snapshot);
  }

  /**
   * Drops the objects whose name an older pair also needs (SPEC §3.10; possible only through name
   * concatenation) and counts, per pair, the desired objects that are missing or differ.
   */
  private static AddressPlan resolveNames(Map<AddressPair, List<DNSEndpoint>> desiredByPair,
      Map<AddressPair, Gateway> pairs, Map<AddressPair, Integer> expected, Set<AddressPair> kept,
      Evaluation evaluation, Snapshot snapshot) {
    List<AddressPair> byAge = new ArrayList<>(desiredByPair.keySet());
    byAge.sort((a, b) -> snapshot.age().compare(pairs.get(a), pairs.get(b)));
    Set<ObjectKey> claimed = new HashSet<>();
    List<DNSEndpoint> desired = new ArrayList<>();
    Map<AddressPair, Integer> pending = new HashMap<>();
    for (AddressPair pair : byAge) {
      int missing = 0;
      for (DNSEndpoint endpoint : desiredByPair.get(pair)) {
        if (!claimed.add(ObjectKey.of(endpoint)) || evaluation.addressNameTaken(endpoint)) {
          missing++;
          continue;
        }
        desired.add(endpoint);
        if (snapshot.existing().isPresent() && !evaluation.existingAddressEndpointMatches(endpoint)) {
          missing++;
        }
      }
      pending.put(pair, missing);
    }
    return new AddressPlan(RecordAction.CONVERGE, desired, kept, pending, expected);
  }

  /** The distinct pairs of the Gateways that pass rows 1-2 and have a valid target host, with the oldest such Gateway. */
  private static Map<AddressPair, Gateway> pairs(Evaluation evaluation, Snapshot snapshot) {
    Map<AddressPair, Gateway> pairs = new LinkedHashMap<>();
    for (Gateway gateway : snapshot.gateways()) {
      if (evaluation.readiness(gateway).usable()) {
        AddressPair pair = new AddressPair(gateway.getSpec().getController(), gateway.getSpec().getTargetPostfix());
        pairs.merge(pair, gateway, (a, b) -> snapshot.age().compare(a, b) <= 0 ? a : b);
      }
    }
    return pairs;
  }

  /** Controllers that get address records: all, or those some Active DNSPolicy publishes through. */
  private static List<ExternalDNSController> scope(Evaluation evaluation, Snapshot snapshot,
      List<ExternalDNSController> controllers, AddressRecordsMode mode) {
    if (mode == AddressRecordsMode.ALL) {
      return controllers;
    }
    Set<String> used = new HashSet<>();
    for (DNSPolicy policy : snapshot.policies()) {
      PolicyResult result = evaluation.policy(policy);
      if (Vocabulary.ACTIVE.equals(result.status().getPhase())) {
        used.addAll(result.activeControllers());
      }
    }
    return controllers.stream().filter(c -> used.contains(c.getName())).toList();
  }
}
