package io.servicerouter.cli.render;

import io.servicerouter.planner.AddressRecordsMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --address-records all|active|off}. */
public final class AddressRecordsConverter implements ITypeConverter<AddressRecordsMode> {

  @Override
  public AddressRecordsMode convert(String value) {
    for (AddressRecordsMode mode : AddressRecordsMode.values()) {
      if (mode.toString().equals(value)) {
        return mode;
      }
    }
    throw new TypeConversionException("unsupported value '" + value + "' (all, active or off)");
  }
}
