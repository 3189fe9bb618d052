package io.servicerouter.planner;

import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.model.routing.ServiceRouteSpec;
import java.util.List;

/** Formulas of SPEC §3.7-§3.8: effective gateway, hostname, target host and their length limits. */
public final class Routes {

  private static final int MAX_LABEL = 63;
  private static final int MAX_NAME = 253;

  private Routes() {}

  /** {@code {gatewayNamespace or --default-gateway-namespace}/{gatewayName}}. */
  public static ObjectKey effectiveGateway(ServiceRoute route, Options options) {
    ServiceRouteSpec spec = route.getSpec();
    String namespace = spec.getGatewayNamespace();
    return new ObjectKey(namespace == null || namespace.isEmpty() ? options.defaultGatewayNamespace() : namespace,
        spec.getGatewayName());
  }

  /** The parts of the hostname that vary between routes (the index key for hostname ownership). */
  public static List<String> hostnameParts(ServiceRoute route) {
    ServiceRouteSpec spec = route.getSpec();
    return List.of(String.valueOf(spec.getServiceName()), String.valueOf(spec.getEnvironment()),
        String.valueOf(spec.getApplication()));
  }

  /** {@code {serviceName}-ns-{E}-{environment}-{application}.{D}}. */
  public static String hostname(ServiceRouteSpec spec, ClusterIdentitySpec identity) {
    return spec.getServiceName() + "-ns-" + identity.getEnvironmentLetter() + "-" + spec.getEnvironment() + "-"
        + spec.getApplication() + "." + identity.getDomain();
  }

  /** {@code {K}-{R}-{targetPostfix}.{D}}: the gateway name of the local cluster. */
  public static String targetHost(String targetPostfix, ClusterIdentitySpec identity) {
    return identity.getCluster() + "-" + identity.getRegion() + "-" + targetPostfix + "." + identity.getDomain();
  }

  /**
   * Why a DNS name is invalid (first label over 63 or whole name over 253 characters), or null if valid.
   * The first-label check comes first.
   */
  public static String lengthProblem(String name) {
    int dot = name.indexOf('.');
    int firstLabel = dot < 0 ? name.length() : dot;
    if (firstLabel > MAX_LABEL) {
      return "first label has " + firstLabel + " characters (maximum " + MAX_LABEL + ")";
    }
    if (name.length() > MAX_NAME) {
      return name.length() + " characters (maximum " + MAX_NAME + ")";
    }
    return null;
  }
}
