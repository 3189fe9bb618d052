package io.servicerouter.model;

import io.fabric8.kubernetes.client.CustomResource;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.List;

/** The classes of the operator's five kinds (their groups and version: {@link ApiGroups}). */
public final class Kinds {

  /** The five kinds, in the order they are documented. */
  public static final List<Class<? extends CustomResource<?, ?>>> ALL = List.of(
      ClusterIdentity.class, DNSConfiguration.class, DNSPolicy.class, Gateway.class, ServiceRoute.class);

  private Kinds() {}
}
