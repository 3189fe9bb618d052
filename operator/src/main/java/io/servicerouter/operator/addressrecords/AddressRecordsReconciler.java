package io.servicerouter.operator.addressrecords;

import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.Labels;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.events.ControllerOwnerMapper;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.PlannedReconciler;
import io.servicerouter.operator.reconcile.Trigger;
import io.servicerouter.planner.AddressPair;
import io.servicerouter.planner.AddressPlan;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.Generated;
import io.servicerouter.planner.SnapshotIndexes;
import java.util.List;
import java.util.Map;

/**
 * Reconciles the address DNSEndpoints of one LoadBalancer Service (SPEC §3.9, §4.4): the part of the
 * planner's cluster-wide address plan whose owner is this Service. Records of kept pairs are not touched.
 */
public final class AddressRecordsReconciler extends PlannedReconciler<Service> {

  /** Metrics and log label of this controller. */
  public static final String KIND = "addressrecords";

  /** A reconciler over the shared context. */
  public AddressRecordsReconciler(OperatorContext context) {
    super(context, KIND, context.caches().services());
  }

  @Override
  protected void reconcile(Service service, CacheSnapshot snapshot, Evaluation evaluation) {
    AddressPlan plan = evaluation.addressRecords();
    List<DNSEndpoint> owned = owned(service);
    switch (plan.action()) {
      case CONVERGE -> context.generated().converge(
          plan.desired().stream().filter(desired -> Generated.isControlledBy(desired, service)).toList(),
          owned.stream().filter(endpoint -> !plan.keptPairs().contains(pairOf(endpoint))).toList(),
          snapshot::dnsEndpoint);
      case DELETE -> owned.forEach(context.generated()::delete);
      case KEEP -> { }
    }
  }

  /** The address DNSEndpoints this Service owns: labelled as address records and controlled by its uid. */
  private List<DNSEndpoint> owned(Service service) {
    return context.caches().dnsEndpoints().byIndex(SnapshotIndexes.BY_CONTROLLER_UID, service.getMetadata().getUid()).stream()
        .filter(Evaluation::isOwnedAddressEndpoint)
        .toList();
  }

  private static AddressPair pairOf(DNSEndpoint endpoint) {
    Map<String, String> labels = endpoint.getMetadata().getLabels();
    return new AddressPair(labels.get(Labels.LABEL_ISTIO_CONTROLLER), labels.get(Labels.LABEL_TARGET_POSTFIX));
  }

  @Override
  protected List<Trigger<?>> triggers() {
    SharedCaches caches = context.caches();
    return List.of(
        Trigger.onSpecChange(ClusterIdentity.class, caches.clusterIdentities(), new AllLoadBalancersMapper<>(caches.services())),
        Trigger.onSpecChange(DNSConfiguration.class, caches.dnsConfigurations(), new AllLoadBalancersMapper<>(caches.services())),
        Trigger.onSpecChange(DNSPolicy.class, caches.policies(), new AllLoadBalancersMapper<>(caches.services())),
        Trigger.onSpecChange(Gateway.class, caches.gateways(), LoadBalancersOfIstioControllerMapper.ofGateway(caches.services())),
        Trigger.of(Service.class, caches.services(), LoadBalancersOfIstioControllerMapper.ofService(caches.services())),
        Trigger.of(DNSEndpoint.class, caches.dnsEndpoints(), new ControllerOwnerMapper<>("Service")));
  }
}
