package io.servicerouter.zoneagent.rfc2136;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** DNS names from text the way ExternalDNS's RFC 2136 provider reads them: relative to the root. */
final class Names {

  private Names() {
  }

  /** {@code text} as an absolute name, with or without its final dot. */
  static Name absolute(String text) {
    try {
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: '" + text + "': " + e.getMessage(), e);
    }
  }

  /** The name as ExternalDNS writes it: no final dot. */
  static String relative(Name name) {
    String text = name.toString();
    return text.endsWith(".") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
  }
}
