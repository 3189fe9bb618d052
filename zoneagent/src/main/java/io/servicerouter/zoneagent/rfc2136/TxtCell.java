package io.servicerouter.zoneagent.rfc2136;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * One of the fence's records: a name holding at most one TXT record whose whole text is one value, read with a
 * query and changed only inside an UPDATE whose prerequisites name the value read (RFC 2136 §2.4: "RRset exists,
 * value dependent", or "RRset does not exist" when none was read).
 */
final class TxtCell {

  /** The TTL of the fence's records: the agents read them from the primary, resolvers never need them for long. */
  private static final long TTL = 5;

  private final Rfc2136Zone zone;
  private final Name name;
  private final String kind;

  /** @param kind what the record is, for messages ("lease", "heartbeat", "claim") */
  TxtCell(Rfc2136Zone zone, String name, String kind) {
    this.zone = zone;
    this.name = Names.absolute(name);
    this.kind = kind;
  }

  /**
   * The record's value, parsed; empty when there is none.
   *
   * @throws IllegalStateException when the name has several TXT records or one {@code parse} refuses
   */
  <T> Optional<T> read(Function<String, T> parse) throws IOException {
    List<String> values = zone.txt(name);
    if (values.size() > 1) {
      throw new IllegalStateException(name + " has " + values.size() + " TXT records, a " + kind + " is one: "
          + values);
    }
    try {
      return values.stream().findFirst().map(parse);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the zone's " + kind + " record is unreadable: " + e.getMessage(), e);
    }
  }

  /** Adds to {@code update} the prerequisite that the record is exactly {@code text}, or absent when empty. */
  void expect(Update update, Optional<String> text) {
    if (text.isPresent()) {
      update.present(prerequisite(text.get()));
    } else {
      update.absent(name, Type.TXT);
    }
  }

  /** The prerequisite "the record is exactly {@code text}" (prerequisite records carry TTL 0, RFC 2136 §2.4). */
  TXTRecord prerequisite(String text) {
    return new TXTRecord(name, DClass.IN, 0, text);
  }

  /** Adds to {@code update} the replacement of whatever the record holds by {@code text}. */
  void replace(Update update, String text) {
    update.delete(name, Type.TXT);
    update.add(new TXTRecord(name, DClass.IN, TTL, text));
  }

  /** Adds to {@code update} the removal of the record (nothing when it is absent). */
  void delete(Update update) {
    update.delete(name, Type.TXT);
  }
}
