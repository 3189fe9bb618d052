package io.servicerouter.cli.output;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code -o yaml|json}. */
public final class FormatConverter implements ITypeConverter<ManifestWriter.Format> {

  @Override
  public ManifestWriter.Format convert(String value) {
    switch (value) {
      case "yaml":
        return ManifestWriter.Format.YAML;
      case "json":
        return ManifestWriter.Format.JSON;
      default:
        throw new TypeConversionException("unsupported output format '" + value + "' (yaml or json)");
    }
  }
}
