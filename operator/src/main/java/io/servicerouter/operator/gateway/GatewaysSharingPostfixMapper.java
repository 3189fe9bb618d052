package io.servicerouter.operator.gateway;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.servicerouter.model.routing.Gateway;

import io.servicerouter.operator.events.ResourceIds;
import io.servicerouter.planner.SnapshotIndexes;
import io.servicerouter.operator.cache.KindCache;
import java.util.Set;

/** The Gateways with the changed Gateway's targetPostfix: postfix ownership is decided among them (SPEC §3.7). */
public final class GatewaysSharingPostfixMapper implements SecondaryToPrimaryMapper<Gateway> {

  private final KindCache<Gateway> gateways;

  /** Looks Gateways up in {@code gateways}. */
  public GatewaysSharingPostfixMapper(KindCache<Gateway> gateways) {
    this.gateways = gateways;
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Gateway gateway) {
    if (gateway.getSpec() == null || gateway.getSpec().getTargetPostfix() == null) {
      return Set.of();
    }
    return ResourceIds.of(gateways.byIndex(SnapshotIndexes.GATEWAYS_BY_POSTFIX, gateway.getSpec().getTargetPostfix()));
  }
}
