package io.servicerouter.cli.migrate;

/**
 * A location in the merged Helm values, printed as SPEC §6.2 prints it: keys joined with dots, list indices
 * in brackets ({@code apps[0].services.default-gateway-ingress[1]}).
 *
 * @param text the printed path; empty for the root of the values
 */
record ValuesPath(String text) {

  /** The root of the values mapping. */
  static final ValuesPath ROOT = new ValuesPath("");

  /** The path of a key of the mapping at this path. */
  ValuesPath key(String key) {
    return new ValuesPath(text.isEmpty() ? key : text + "." + key);
  }

  /** The path of an item of the list at this path. */
  ValuesPath index(int index) {
    return new ValuesPath(text + "[" + index + "]");
  }

  /** The path as printed in diagnostics; the root, which has no key, prints as {@code (root)} as in Helm. */
  @Override
  public String toString() {
    return text.isEmpty() ? "(root)" : text;
  }
}
