package io.servicerouter.cli.render;

import io.servicerouter.planner.AddressRecordsMode;

/** Parses {@code --address-records all|active|off}. */
public final class AddressRecordsConverter extends LowercaseEnumConverter<AddressRecordsMode> {

  /** The converter picocli instantiates. */
  public AddressRecordsConverter() {
    super(AddressRecordsMode.values(), "all, active or off");
  }
}
