package io.servicerouter.cli.migrate;

import java.util.regex.Pattern;

/**
 * Flux post-build substitution variables ({@code ${VAR}}, {@code ${VAR:=default}}): values holding one are
 * only known at deploy time, so they are copied verbatim and exempt from pattern and length checks.
 */
final class Placeholders {

  private static final Pattern FLUX_VARIABLE = Pattern.compile("\\$\\{[^}]+}");

  private Placeholders() {}

  /** Whether the text holds a Flux variable; {@code null} holds none. */
  static boolean in(String text) {
    return text != null && FLUX_VARIABLE.matcher(text).find();
  }
}
