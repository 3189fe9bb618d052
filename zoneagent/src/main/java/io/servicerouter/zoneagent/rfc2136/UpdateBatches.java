package io.servicerouter.zoneagent.rfc2136;

import io.servicerouter.zoneagent.webhook.Changes;
import io.servicerouter.zoneagent.webhook.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.xbill.DNS.Update;

/**
 * The UPDATE messages of one ExternalDNS sync pass, each conditioned on the lease record. A record and its TXT
 * registry records always share a message, so a change of the lease between two messages never leaves a
 * record without its ownership: changes are grouped by the name they are about (the registry's
 * {@code _prefix.} labels and {@code <type>-} marker removed), and whole groups are packed into messages of at
 * most {@value #MAX_MESSAGE_BYTES} bytes (DNS over TCP carries 64 KiB). Inside a message the order is the
 * in-tree provider's: creates, then updates (old records out, new ones in), then deletes.
 */
public final class UpdateBatches {

  /** Leaves room for the TSIG record under the 65,535 bytes of a DNS message over TCP. */
  static final int MAX_MESSAGE_BYTES = 60_000;
  private static final Pattern REGISTRY_MARKER = Pattern.compile("^(a|aaaa|cname|ns|txt|ptr|dname|mx|srv)-");

  private final RecordMapping mapping;

  /** @param mapping how endpoints become records */
  public UpdateBatches(RecordMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * The messages for {@code changes}; {@code newMessage} returns an UPDATE that already carries the fence's
   * prerequisite.
   */
  public List<Update> messages(Changes changes, Supplier<Update> newMessage) {
    Map<String, Group> groups = new LinkedHashMap<>();
    changes.create().forEach(e -> group(groups, e).creates.add(e));
    for (int i = 0; i < changes.updateNew().size(); i++) {
      Group group = group(groups, changes.updateNew().get(i));
      group.updatesOld.add(changes.updateOld().get(i));
      group.updatesNew.add(changes.updateNew().get(i));
    }
    changes.delete().forEach(e -> group(groups, e).deletes.add(e));

    int empty = size(newMessage.get());
    List<Update> messages = new ArrayList<>();
    List<Group> packed = new ArrayList<>();
    int bytes = empty;
    for (Group group : groups.values()) {
      // Sizes without name compression across groups: an overestimate, so a message never exceeds the limit.
      int groupBytes = size(message(List.of(group), newMessage)) - empty;
      if (!packed.isEmpty() && bytes + groupBytes > MAX_MESSAGE_BYTES) {
        messages.add(message(packed, newMessage));
        packed = new ArrayList<>();
        bytes = empty;
      }
      packed.add(group);
      bytes += groupBytes;
    }
    if (!packed.isEmpty()) {
      messages.add(message(packed, newMessage));
    }
    return messages;
  }

  /** The name a change is about: its own, or for a TXT registry record the name of the record it owns. */
  static String subject(String dnsName) {
    String name = dnsName.toLowerCase(Locale.ROOT);
    int start = 0;
    while (name.startsWith("_", start) && name.indexOf('.', start) > 0) {
      start = name.indexOf('.', start) + 1;
    }
    return REGISTRY_MARKER.matcher(name.substring(start)).replaceFirst("");
  }

  private static Group group(Map<String, Group> groups, Endpoint endpoint) {
    return groups.computeIfAbsent(subject(endpoint.dnsName()), name -> new Group());
  }

  private Update message(List<Group> groups, Supplier<Update> newMessage) {
    Update update = newMessage.get();
    groups.forEach(g -> g.creates.forEach(e -> mapping.additions(e).forEach(update::add)));
    for (Group group : groups) {
      for (int i = 0; i < group.updatesNew.size(); i++) {
        mapping.removals(group.updatesOld.get(i)).forEach(r -> update.delete(r));
        mapping.additions(group.updatesNew.get(i)).forEach(update::add);
      }
    }
    groups.forEach(g -> g.deletes.forEach(e -> mapping.removals(e).forEach(r -> update.delete(r))));
    return update;
  }

  private static int size(Update update) {
    return update.toWire().length;
  }

  /** The changes about one name. */
  private static final class Group {
    final List<Endpoint> creates = new ArrayList<>();
    final List<Endpoint> updatesOld = new ArrayList<>();
    final List<Endpoint> updatesNew = new ArrayList<>();
    final List<Endpoint> deletes = new ArrayList<>();
  }
}
