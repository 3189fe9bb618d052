package io.servicerouter.cli.render;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses an option whose values are an enum's constants written in lowercase (their {@code toString()}), with an
 * error that lists the accepted values.
 *
 * @param <E> the enum
 */
abstract class LowercaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {

  private final E[] values;
  private final String accepted;

  LowercaseEnumConverter(E[] values, String accepted) {
    this.values = values;
    this.accepted = accepted;
  }

  @Override
  public final E convert(String value) {
    for (E candidate : values) {
      if (candidate.toString().equals(value)) {
        return candidate;
      }
    }
    throw new TypeConversionException("unsupported value '" + value + "' (" + accepted + ")");
  }
}
