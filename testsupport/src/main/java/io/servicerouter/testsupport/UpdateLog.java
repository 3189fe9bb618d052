package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What BIND's {@code update} log says happened to its zones (BIND 9.18 {@code lib/ns/update.c}): each committed
 * change and each UPDATE refused for a failed prerequisite, with the TSIG key that signed it, in the order named
 * applied them (it serializes the UPDATEs of a zone). The evidence the fence's tests count with: the server's own
 * record, not the writers' claims.
 *
 * @param entries the entries in log order
 */
public record UpdateLog(List<Entry> entries) {

  private static final Pattern LINE = Pattern.compile(
      "client @\\S+ \\S+#(\\d+)/key ([^:]+): updating zone '([^/]+)/IN': (.*)$");
  private static final Pattern CHANGE = Pattern.compile(
      "(adding an RR|deleting an RR|deleting rrset) at '?([^' ]+)'? (\\S+)\\s*(.*)");
  private static final Pattern REFUSED = Pattern.compile(
      "update unsuccessful: ([^/]+)/(\\S+): .*prerequisite not satisfied \\((\\w+)\\)");
  private static final Pattern HOLDER = Pattern.compile("holder=(\\S+?)\"?(?:\\s|$)");

  /** What a log entry records. */
  public enum Action {
    /** A record added. */
    ADD,
    /** One record deleted. */
    DELETE_RECORD,
    /** A record set deleted. */
    DELETE_RRSET,
    /** A whole UPDATE refused: a prerequisite on {@link Entry#name()} failed ({@link Entry#data()} the rcode). */
    REFUSED
  }

  /**
   * One logged change or refusal.
   *
   * @param client the client's source port: the entries of one UPDATE share it
   * @param key the TSIG key that signed the UPDATE
   * @param zone the zone
   * @param action what happened
   * @param name the owner name (without final dot)
   * @param type the record type
   * @param data the record data of an added record, the rcode of a refusal, else empty
   */
  public record Entry(String client, String key, String zone, Action action, String name, String type, String data) {

    /** Whether this is about one of the fence's own records ({@code _sr-...}). */
    public boolean isFenceRecord() {
      return name.toLowerCase(Locale.ROOT).startsWith("_sr-");
    }

    /** Whether this commits a change to a zone's data (not the fence's records). */
    public boolean isDataChange() {
      return action != Action.REFUSED && !isFenceRecord();
    }

    /** For an added lease record: the holder it names ({@code cluster/region}), else empty. */
    public String leaseHolder() {
      if (action != Action.ADD || !name.toLowerCase(Locale.ROOT).startsWith("_sr-lease.")) {
        return "";
      }
      Matcher holder = HOLDER.matcher(data);
      return holder.find() ? holder.group(1) : "";
    }
  }

  /** Reads the entries of named's log file (other lines are skipped). */
  public static UpdateLog read(Path logFile) {
    List<String> lines;
    try {
      lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (!m.find()) {
        continue;
      }
      String message = m.group(4);
      Matcher change = CHANGE.matcher(message);
      Matcher refused = REFUSED.matcher(message);
      if (change.find()) {
        Action action = switch (change.group(1)) {
          case "adding an RR" -> Action.ADD;
          case "deleting an RR" -> Action.DELETE_RECORD;
          default -> Action.DELETE_RRSET;
        };
        entries.add(new Entry(m.group(1), m.group(2), m.group(3), action, trim(change.group(2)), change.group(3),
            change.group(4).trim()));
      } else if (refused.find()) {
        entries.add(new Entry(m.group(1), m.group(2), m.group(3), Action.REFUSED, trim(refused.group(1)),
            refused.group(2), refused.group(3)));
      }
    }
    return new UpdateLog(List.copyOf(entries));
  }

  /**
   * The fence's audit (issue 14, acceptance A1): replays the log zone by zone, tracking the lease from each
   * committed lease record, and lists every data change committed by a key whose cluster did not hold the zone's
   * lease at that moment (or before any lease existed).
   *
   * @param holderOfKey the holder ({@code cluster/region}) each writer's key belongs to
   */
  public Audit audit(Map<String, String> holderOfKey) {
    Map<String, String> lease = new HashMap<>();
    List<Entry> outOfLease = new ArrayList<>();
    int refused = 0;
    int committed = 0;
    for (Entry entry : entries) {
      if (entry.action() == Action.REFUSED) {
        refused++;
      } else if (!entry.leaseHolder().isEmpty()) {
        lease.put(entry.zone(), entry.leaseHolder());
      } else if (entry.isDataChange()) {
        committed++;
        if (!holderOfKey.getOrDefault(entry.key(), "?").equals(lease.get(entry.zone()))) {
          outOfLease.add(entry);
        }
      }
    }
    return new Audit(refused, committed, List.copyOf(outOfLease));
  }

  /**
   * The audit's result.
   *
   * @param refused UPDATEs the server refused for a failed prerequisite
   * @param committed data changes committed (all of them: an audit of a log it could not read has none)
   * @param committedOutOfLease data changes committed without the lease: must be empty
   */
  public record Audit(int refused, int committed, List<Entry> committedOutOfLease) {

    /** The drill's line: {@code fence: <refused> refused, <n> committed out of lease}. */
    public String line() {
      return "fence: " + refused + " refused, " + committedOutOfLease.size() + " committed out of lease";
    }
  }

  private static String trim(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
