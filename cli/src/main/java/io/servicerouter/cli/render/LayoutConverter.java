package io.servicerouter.cli.render;

import io.servicerouter.planner.DnsEndpointLayout;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --dnsendpoint-layout namespace|route}. */
public final class LayoutConverter implements ITypeConverter<DnsEndpointLayout> {

  @Override
  public DnsEndpointLayout convert(String value) {
    for (DnsEndpointLayout layout : DnsEndpointLayout.values()) {
      if (layout.toString().equals(value)) {
        return layout;
      }
    }
    throw new TypeConversionException("unsupported value '" + value + "' (namespace or route)");
  }
}
