package io.servicerouter.model.schema;

/**
 * Schema fragments for {@link SchemaMerge}. String fields carry their enums this way instead of being
 * Java enums, so that an object stored before the CRD was installed (with a value outside the enum)
 * still deserializes and can be reported as invalid instead of breaking the informer.
 */
public final class SchemaFragments {

  /** Conditions form a map keyed by type. */
  public static final String CONDITIONS =
      "{\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"type\"]}";
  /** A list of unique strings. */
  public static final String SET = "{\"x-kubernetes-list-type\":\"set\"}";
  /** A list of objects with unique names. */
  public static final String MAP_BY_NAME = "{\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"name\"]}";
  /** A list of objects with unique regions. */
  public static final String MAP_BY_REGION =
      "{\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"region\"]}";
  /** Automatic failover's and hand-back's modes. */
  public static final String FAILOVER_MODE = "{\"enum\":[\"Manual\",\"Automatic\"]}";
  /** An object that is defaulted to {} so that its own defaults apply when it is omitted. */
  public static final String DEFAULT_EMPTY_OBJECT = "{\"default\":{}}";
  /** An RFC 3339 timestamp. */
  public static final String DATE_TIME = "{\"format\":\"date-time\"}";
  /** A kind whose spec is required (every kind but DNSPolicy, whose spec defaults to {}). */
  public static final String SPEC_REQUIRED = "{\"required\":[\"spec\"]}";
  /** A 64-bit integer. */
  public static final String INT64 = "{\"format\":\"int64\"}";
  /** Condition status values. */
  public static final String CONDITION_STATUS = "{\"enum\":[\"True\",\"False\",\"Unknown\"]}";
  /** Phases of ClusterIdentity, DNSConfiguration, Gateway and ServiceRoute. */
  public static final String PHASE = "{\"enum\":[\"Pending\",\"Active\",\"Failed\"]}";
  /** Phases of a DNSPolicy. */
  public static final String POLICY_PHASE = "{\"enum\":[\"Pending\",\"Active\",\"Inactive\",\"Failed\"]}";
  /** DNSPolicy modes. */
  public static final String POLICY_MODE = "{\"enum\":[\"Active\",\"RegionBound\"]}";
  /** Gateway allowedRoutes.namespaces.from values. */
  public static final String ROUTES_FROM = "{\"enum\":[\"All\",\"Same\",\"Selector\"]}";
  /** Label selector operators. */
  public static final String SELECTOR_OPERATOR = "{\"enum\":[\"In\",\"NotIn\",\"Exists\",\"DoesNotExist\"]}";

  private SchemaFragments() {}
}
