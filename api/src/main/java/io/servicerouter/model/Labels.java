package io.servicerouter.model;

/**
 * Labels and annotations on the objects the operator writes (SPEC §0, §4): ExternalDNS instances select their
 * DNSEndpoints by them and the operator finds its own objects by them, so they are part of the API.
 */
public final class Labels {

  /** Label and value marking every generated object. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  /** Value of {@link #MANAGED_BY}. */
  public static final String OPERATOR_NAME = "service-router-operator";
  /** Label: controller name of a DNSEndpoint (ExternalDNS can select on it). */
  public static final String LABEL_CONTROLLER = "router.io/controller";
  /** Label: region of the DNSEndpoint's controller. */
  public static final String LABEL_REGION = "router.io/region";
  /** Label: the route a DNSEndpoint belongs to. */
  public static final String LABEL_SERVICE_ROUTE = "router.io/serviceroute";
  /** Label: namespace of the route a DNSEndpoint belongs to. */
  public static final String LABEL_SOURCE_NAMESPACE = "router.io/source-namespace";
  /** Label: the Istio controller of an address DNSEndpoint. */
  public static final String LABEL_ISTIO_CONTROLLER = "router.io/istio-controller";
  /** Label: the kind of generated object ({@code gateway-service} for address records). */
  public static final String LABEL_RESOURCE_TYPE = "router.io/resource-type";
  /** Value of {@link #LABEL_RESOURCE_TYPE} on address DNSEndpoints. */
  public static final String RESOURCE_TYPE_GATEWAY_SERVICE = "gateway-service";
  /** Value of {@link #LABEL_RESOURCE_TYPE} on the grouped route DNSEndpoints of a namespace (SPEC §4.6). */
  public static final String RESOURCE_TYPE_SERVICE_ROUTES = "service-routes";
  /**
   * Annotation of a grouped route DNSEndpoint: the names of the ServiceRoutes its endpoints belong to, comma
   * separated, in endpoint order. An annotation, not endpoint labels, which ExternalDNS would copy into its TXT
   * registry records.
   */
  public static final String ANNOTATION_ROUTES = "router.io/routes";
  /** Label: target postfix of an address DNSEndpoint. */
  public static final String LABEL_TARGET_POSTFIX = "router.io/target-postfix";
  /** Label: the routing Gateway of an Istio Gateway. */
  public static final String LABEL_GATEWAY = "router.io/gateway";
  /** Annotation by which an ExternalDNS instance selects its DNSEndpoints. */
  public static final String ANNOTATION_CONTROLLER = "external-dns.alpha.kubernetes.io/controller";

  private Labels() {}
}
