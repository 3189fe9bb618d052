package io.servicerouter.zoneagent.rfc2136;

import io.servicerouter.fence.FenceRecords;
import io.servicerouter.zoneagent.webhook.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Records to ExternalDNS endpoints and back, exactly as ExternalDNS v0.22's in-tree RFC 2136 provider maps
 * them ({@code provider/rfc2136/rfc2136.go}), so that a zone written through the agent is the zone the in-tree
 * provider would have written: listing keeps A, AAAA, CNAME, DNAME, NS, PTR and TXT records of class IN, one
 * endpoint per name and type with the TTL of its first record, names and name targets without the final dot,
 * TXT strings one target each; writing parses {@code "<name> <ttl> <type> <target>"} relative to the root with
 * the TTL {@code max(minTtl, recordTTL)}. The fence's own records are not listed.
 */
public final class RecordMapping {

  private final long minTtl;

  /** @param minTtl the smallest TTL written (ExternalDNS's {@code --rfc2136-min-ttl}, default 0) */
  public RecordMapping(long minTtl) {
    this.minTtl = minTtl;
  }

  /** The endpoints of a zone transfer, in the order of first appearance. */
  public static List<Endpoint> endpoints(List<Record> records) {
    Map<String, Endpoint> byNameAndType = new LinkedHashMap<>();
    for (Record record : records) {
      Optional<List<String>> values = values(record);
      String name = Names.relative(record.getName());
      if (values.isEmpty() || record.getDClass() != DClass.IN || FenceRecords.isFenceName(name)) {
        continue;
      }
      String type = Type.string(record.getType());
      byNameAndType.merge(name + " " + type, Endpoint.of(name, type, record.getTTL(), values.get()),
          (first, next) -> Endpoint.of(name, type, first.recordTTL(), concat(first.targets(), next.targets())));
    }
    return List.copyOf(byNameAndType.values());
  }

  /** The records to add for {@code endpoint}: one per target; a target that does not parse is left out. */
  public List<Record> additions(Endpoint endpoint) {
    long ttl = endpoint.recordTTL() > minTtl ? endpoint.recordTTL() : minTtl;
    return records(endpoint, ttl);
  }

  /** The records to delete for {@code endpoint} (value-specific deletes: the TTL does not matter). */
  public List<Record> removals(Endpoint endpoint) {
    return records(endpoint, Math.max(0, endpoint.recordTTL()));
  }

  private static List<Record> records(Endpoint endpoint, long ttl) {
    Name name = Names.absolute(endpoint.dnsName());
    int type = Type.value(endpoint.recordType());
    List<Record> records = new ArrayList<>();
    for (String target : endpoint.targets()) {
      try {
        records.add(Record.fromString(name, type, DClass.IN, ttl, target, Name.root));
      } catch (IOException | IllegalArgumentException e) {
        // The in-tree provider logs nothing either: its AddRecord error is dropped by ApplyChanges.
        continue;
      }
    }
    return records;
  }

  private static Optional<List<String>> values(Record record) {
    if (record instanceof CNAMERecord cname) {
      return Optional.of(List.of(Names.relative(cname.getTarget())));
    } else if (record instanceof DNAMERecord dname) {
      return Optional.of(List.of(Names.relative(dname.getTarget())));
    } else if (record instanceof ARecord a) {
      return Optional.of(List.of(a.getAddress().getHostAddress()));
    } else if (record instanceof AAAARecord aaaa) {
      return Optional.of(List.of(GoAddresses.format(aaaa.getAddress())));
    } else if (record instanceof TXTRecord txt) {
      return Optional.of(List.copyOf(txt.getStrings()));
    } else if (record instanceof NSRecord ns) {
      return Optional.of(List.of(Names.relative(ns.getTarget())));
    } else if (record instanceof PTRRecord ptr) {
      return Optional.of(List.of(Names.relative(ptr.getTarget())));
    }
    return Optional.empty();
  }

  private static List<String> concat(List<String> first, List<String> next) {
    List<String> all = new ArrayList<>(first);
    all.addAll(next);
    return all;
  }

  /** IPv6 addresses as Go's {@code net.IP.String} prints them: RFC 5952 form, IPv4-mapped ones dotted. */
  static final class GoAddresses {

    private GoAddresses() {
    }

    static String format(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length == 4) {
        return address.getHostAddress();
      }
      if (isV4Mapped(bytes)) {
        return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
      }
      int[] groups = new int[8];
      for (int i = 0; i < 8; i++) {
        groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
      }
      int bestStart = -1;
      int bestLength = 1;
      for (int i = 0; i < 8; i++) {
        int length = 0;
        while (i + length < 8 && groups[i + length] == 0) {
          length++;
        }
        if (length > bestLength) {
          bestStart = i;
          bestLength = length;
        }
      }
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        if (i == bestStart) {
          text.append("::");
          i += bestLength - 1;
          continue;
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
          text.append(':');
        }
        text.append(Integer.toHexString(groups[i]));
      }
      return text.toString();
    }

    private static boolean isV4Mapped(byte[] bytes) {
      for (int i = 0; i < 10; i++) {
        if (bytes[i] != 0) {
          return false;
        }
      }
      return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
  }
}
