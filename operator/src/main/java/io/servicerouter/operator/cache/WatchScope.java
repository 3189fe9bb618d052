package io.servicerouter.operator.cache;

import java.util.List;

/**
 * The namespaces the operator watches for DNSPolicies, Gateways, ServiceRoutes and route DNSEndpoints
 * ({@code --watch-namespaces}, SPEC §7.1); cluster-scoped kinds, Services and Namespaces are always watched
 * cluster-wide.
 *
 * @param namespaces the watched namespaces; empty means all namespaces
 */
public record WatchScope(List<String> namespaces) {

  /** Watches every namespace. */
  public static final WatchScope ALL = new WatchScope(List.of());

  /** Copies the list so the scope is immutable. */
  public WatchScope {
    namespaces = List.copyOf(namespaces);
  }

  /** Whether every namespace is watched. */
  public boolean all() {
    return namespaces.isEmpty();
  }
}
