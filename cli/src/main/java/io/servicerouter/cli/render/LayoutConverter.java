package io.servicerouter.cli.render;

import io.servicerouter.planner.DnsEndpointLayout;

/** Parses {@code --dnsendpoint-layout namespace|route}. */
public final class LayoutConverter extends LowercaseEnumConverter<DnsEndpointLayout> {

  /** The converter picocli instantiates. */
  public LayoutConverter() {
    super(DnsEndpointLayout.values(), "namespace or route");
  }
}
