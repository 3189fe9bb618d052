package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * BIND ({@code named}) serving several zones on 127.0.0.1 (a free port, TCP and UDP), the DNS provider that
 * ExternalDNS writes to. Each start has fresh zone files (SOA, NS, TTL 5); dynamic updates and zone transfers
 * need one of the server's TSIG keys (one per writer: a cluster in the fence's tests), queries are open. Its log
 * ({@link #updateLog()}) has a line per change and per refused UPDATE, naming the key that signed it.
 */
public final class BindServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final ManagedProcess process;
  private final int port;
  private final Map<String, TsigKey> keys;
  private final List<String> zones;

  private BindServer(ManagedProcess process, int port, Map<String, TsigKey> keys, List<String> zones) {
    this.process = process;
    this.port = port;
    this.keys = keys;
    this.zones = zones;
  }

  /**
   * Starts named and returns once every zone answers its SOA.
   *
   * @param name names the state directory {@code it-state/<name>}, log directory {@code it-logs/<name>} and key
   * @param zones the zones served, e.g. {@code weu.example.test}
   */
  public static BindServer start(String name, List<String> zones) {
    return start(name, zones, List.of(name));
  }

  /**
   * Starts named with one TSIG key per writer, each allowed to update and transfer every zone, and returns once
   * every zone answers its SOA.
   *
   * @param name as {@link #start(String, List)}
   * @param zones the zones served
   * @param writers the key names, e.g. the regions of the clusters writing the zones; the first is {@link #tsigKey()}
   */
  public static BindServer start(String name, List<String> zones, List<String> writers) {
    Path state = StateDirectories.fresh(name);
    int port = FreePorts.tcpAndUdp();
    Map<String, TsigKey> keys = new LinkedHashMap<>();
    writers.forEach(writer -> keys.put(writer, TsigKey.generate(state, writer)));
    Path config = state.resolve("named.conf");
    write(config, namedConfig(state, port, List.copyOf(keys.values()), zones));
    zones.forEach(zone -> write(state.resolve(zone + ".zone"), zoneFile(zone)));
    Command.run(state, START_TIMEOUT, List.of(Binaries.systemTool("named-checkconf").toString(), config.toString()));
    ManagedProcess named = ManagedProcess.start("named", List.of(
        Binaries.systemTool("named").toString(), "-g", "-4", "-n", "1", "-c", config.toString()),
        TestDirectories.logDirectory(name), state.resolve("run"));
    BindServer server = new BindServer(named, port, keys, List.copyOf(zones));
    DnsLookup lookup = server.lookup();
    for (String zone : zones) {
      named.awaitReady("SOA of " + zone, START_TIMEOUT, () -> !lookup.answers(zone, "SOA").isEmpty());
    }
    return server;
  }

  /** The port named listens on (TCP and UDP, 127.0.0.1). */
  public int port() {
    return port;
  }

  /** The first key: the only one of a server started without writers. */
  public TsigKey tsigKey() {
    return keys.values().iterator().next();
  }

  /** The key of {@code writer}. */
  public TsigKey tsigKey(String writer) {
    TsigKey key = keys.get(writer);
    if (key == null) {
      throw new IllegalArgumentException("no key for " + writer + "; the writers are " + keys.keySet());
    }
    return key;
  }

  /** The changes and refused UPDATEs logged so far, in the order named applied them. */
  public UpdateLog updateLog() {
    return UpdateLog.read(process.logFile());
  }

  /**
   * Every record of {@code zone} by zone transfer (signed with the first key), as sorted presentation lines
   * without the SOA: what two zones are compared by.
   */
  public List<String> zoneContents(String zone) {
    try {
      ZoneTransferIn transfer = ZoneTransferIn.newAXFR(Name.fromString(zone, Name.root), "127.0.0.1", port,
          tsigKey().tsig());
      transfer.run();
      return transfer.getAXFR().stream().filter(r -> r.getType() != Type.SOA).map(Record::toString).sorted()
          .distinct().toList();
    } catch (IOException | ZoneTransferException e) {
      throw new IllegalStateException("AXFR of " + zone + " from 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /** The zones served. */
  public List<String> zones() {
    return zones;
  }

  /** A resolver that asks this server. */
  public DnsLookup lookup() {
    return new DnsLookup(port);
  }

  /** Stops named. */
  @Override
  public void close() {
    process.stop();
  }

  private static String namedConfig(Path state, int port, List<TsigKey> keys, List<String> zones) {
    String options = """
        options {
          directory "%1$s";
          pid-file "%1$s/named.pid";
          session-keyfile "%1$s/session.key";
          managed-keys-directory "%1$s";
          listen-on port %2$d { 127.0.0.1; };
          listen-on-v6 { none; };
          recursion no;
          allow-query { any; };
          allow-transfer { none; };
          dnssec-validation no;
          notify no;
          minimal-responses yes;
        };
        controls { };
        """.formatted(state, port);
    String keyList = keys.stream().map(k -> "key \"" + k.name() + "\"; ").collect(Collectors.joining());
    String zoneStatements = zones.stream().map(zone -> """
        zone "%1$s" {
          type primary;
          file "%2$s/%1$s.zone";
          journal "%2$s/%1$s.zone.jnl";
          allow-update { %3$s};
          allow-transfer { %3$s};
        };
        """.formatted(zone, state, keyList)).collect(Collectors.joining());
    return options + keys.stream().map(TsigKey::namedConfig).collect(Collectors.joining()) + zoneStatements;
  }

  private static String zoneFile(String zone) {
    return """
        $ORIGIN %1$s.
        $TTL 5
        @    IN SOA ns1.%1$s. hostmaster.%1$s. ( 1 5 5 60 5 )
        @    IN NS  ns1.%1$s.
        ns1  IN A   127.0.0.1
        """.formatted(zone);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
