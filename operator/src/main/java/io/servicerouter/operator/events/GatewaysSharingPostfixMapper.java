package io.servicerouter.operator.events;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.operator.cache.Indexes;
import io.servicerouter.operator.cache.KindCache;
import java.util.Set;

/** The Gateways with the changed Gateway's targetPostfix: postfix ownership is decided among them (SPEC §3.7). */
public final class GatewaysSharingPostfixMapper implements PrimaryMapper<Gateway> {

  private final KindCache<Gateway> gateways;

  /** Looks Gateways up in {@code gateways}. */
  public GatewaysSharingPostfixMapper(KindCache<Gateway> gateways) {
    this.gateways = gateways;
  }

  @Override
  public Set<ResourceID> primaries(Gateway gateway) {
    if (gateway.getSpec() == null || gateway.getSpec().getTargetPostfix() == null) {
      return Set.of();
    }
    return ResourceIds.of(gateways.byIndex(Indexes.GATEWAYS_BY_POSTFIX, gateway.getSpec().getTargetPostfix()));
  }
}
