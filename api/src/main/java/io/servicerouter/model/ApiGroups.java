package io.servicerouter.model;

/** API groups, version and kubectl category of the operator's own kinds. */
public final class ApiGroups {

  /** Group of the cluster-scoped kinds ClusterIdentity and DNSConfiguration. */
  public static final String CLUSTER_GROUP = "cluster.router.io";
  /** Group of the namespaced kinds DNSPolicy, Gateway and ServiceRoute. */
  public static final String ROUTING_GROUP = "routing.router.io";
  /** The only served and stored version. */
  public static final String VERSION = "v1alpha1";
  /** The kubectl category all five kinds belong to. */
  public static final String CATEGORY = "servicerouter";

  private ApiGroups() {}
}
