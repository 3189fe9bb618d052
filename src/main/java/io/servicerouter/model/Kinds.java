package io.servicerouter.model;

import io.fabric8.kubernetes.client.CustomResource;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.List;

/** API groups, version and category of the operator's own kinds, and the list of their classes. */
public final class Kinds {

  /** Group of the cluster-scoped kinds ClusterIdentity and DNSConfiguration. */
  public static final String CLUSTER_GROUP = "cluster.router.io";
  /** Group of the namespaced kinds DNSPolicy, Gateway and ServiceRoute. */
  public static final String ROUTING_GROUP = "routing.router.io";
  /** The only served and stored version. */
  public static final String VERSION = "v1alpha1";
  /** The kubectl category all five kinds belong to. */
  public static final String CATEGORY = "servicerouter";

  /** The five kinds, in the order they are documented. */
  public static final List<Class<? extends CustomResource<?, ?>>> ALL = List.of(
      ClusterIdentity.class, DNSConfiguration.class, DNSPolicy.class, Gateway.class, ServiceRoute.class);

  private Kinds() {}
}
