package io.servicerouter.planner;

/** Phases, condition types, reasons, labels and annotations the operator writes (fixed by SPEC §0). */
public final class Vocabulary {

  /** Phase: waiting for an input. */
  public static final String PENDING = "Pending";
  /** Phase: working as intended. */
  public static final String ACTIVE = "Active";
  /** Phase: DNSPolicy whose source gate excludes this cluster. */
  public static final String INACTIVE = "Inactive";
  /** Phase: the object cannot work as written. */
  public static final String FAILED = "Failed";

  /** Condition type summarizing the object. */
  public static final String READY = "Ready";
  /** ClusterIdentity condition on adoptsRegions. */
  public static final String ADOPTED_REGIONS_VALID = "AdoptedRegionsValid";
  /** Gateway condition on its address records. */
  public static final String DNS_READY = "DNSReady";

  /** Reason of a Ready condition that holds. */
  public static final String RECONCILIATION_SUCCEEDED = "ReconciliationSucceeded";
  /** Reason: a second object where one is allowed. */
  public static final String SINGLETON_VIOLATION = "SingletonViolation";
  /** Reason: ClusterIdentity or DNSConfiguration breaks a schema rule. */
  public static final String INVALID_SPEC = "InvalidSpec";
  /** Reason: DNSPolicy, Gateway or ServiceRoute breaks a schema or status rule. */
  public static final String VALIDATION_FAILED = "ValidationFailed";
  /** Reason: no usable ClusterIdentity. */
  public static final String CLUSTER_IDENTITY_NOT_AVAILABLE = "ClusterIdentityNotAvailable";
  /** Reason: no usable DNSConfiguration. */
  public static final String DNS_CONFIGURATION_NOT_AVAILABLE = "DNSConfigurationNotAvailable";
  /** Reason: a second DNSPolicy in a namespace. */
  public static final String POLICY_CONFLICT = "PolicyConflict";
  /** Reason: the policy's source gate excludes this cluster. */
  public static final String POLICY_INACTIVE = "PolicyInactive";
  /** Reason: adoptsRegions is empty. */
  public static final String NO_ADOPTED_REGIONS = "NoAdoptedRegions";
  /** Reason: every adopted region has a controller. */
  public static final String ALL_ADOPTED_REGIONS_VALID = "AllAdoptedRegionsValid";
  /** Reason: an adopted region has no controller. */
  public static final String ADOPTED_REGION_NOT_FOUND = "AdoptedRegionNotFound";
  /** Reason: another Gateway owns the postfix with another controller. */
  public static final String TARGET_POSTFIX_CONFLICT = "TargetPostfixConflict";
  /** Reason: the Gateway's DNS name is too long. */
  public static final String INVALID_TARGET_HOST = "InvalidTargetHost";
  /** Reason: an Istio Gateway of that name exists and is not ours. */
  public static final String ISTIO_GATEWAY_CONFLICT = "IstioGatewayConflict";
  /** Reason: no route attached to the Gateway. */
  public static final String NO_SERVICE_ROUTES = "NoServiceRoutes";
  /** DNSReady reason: the load balancer has no usable address. */
  public static final String LOAD_BALANCER_IP_PENDING = "LoadBalancerIPPending";
  /** DNSReady reason: {@code --address-records=off}. */
  public static final String ADDRESS_RECORDS_DISABLED = "AddressRecordsDisabled";
  /** DNSReady reason: address DNSEndpoints not written yet. */
  public static final String DNS_ENDPOINTS_PENDING = "DNSEndpointsPending";
  /** DNSReady reason: address DNSEndpoints written. */
  public static final String DNS_ENDPOINTS_CREATED = "DNSEndpointsCreated";
  /** Reason: the route's hostname is too long. */
  public static final String INVALID_HOSTNAME = "InvalidHostname";
  /** Reason: the Gateway does not admit the route's namespace. */
  public static final String NOT_ALLOWED_BY_GATEWAY = "NotAllowedByGateway";
  /** Reason: an older route has the hostname. */
  public static final String HOSTNAME_CONFLICT = "HostnameConflict";
  /** Reason: the route's Gateway does not exist. */
  public static final String GATEWAY_NOT_FOUND = "GatewayNotFound";
  /** Reason: the route's Gateway is invalid or conflicting. */
  public static final String GATEWAY_NOT_READY = "GatewayNotReady";
  /** Reason: no DNSPolicy in the route's namespace. */
  public static final String DNS_POLICY_NOT_FOUND = "DNSPolicyNotFound";
  /** Reason: the namespace's DNSPolicy is invalid. */
  public static final String DNS_POLICY_INVALID = "DNSPolicyInvalid";
  /** Reason: the namespace's DNSPolicy is inactive here. */
  public static final String DNS_POLICY_INACTIVE = "DNSPolicyInactive";
  /** Reason: the policy selects no controller. */
  public static final String DNS_ENDPOINT_GENERATION_FAILED = "DNSEndpointGenerationFailed";
  /** Reason: a DNSEndpoint name is taken by an object this route does not own. */
  public static final String DNS_ENDPOINT_CONFLICT = "DNSEndpointConflict";

  private Vocabulary() {}
}
