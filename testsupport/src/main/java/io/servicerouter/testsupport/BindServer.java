package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * BIND ({@code named}) serving several zones on 127.0.0.1 (a free port, TCP and UDP), the DNS provider that
 * ExternalDNS writes to. Each start has fresh zone files (SOA, NS, TTL 5); dynamic updates and zone transfers
 * need the server's TSIG key, queries are open.
 */
public final class BindServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final ManagedProcess process;
  private final int port;
  private final TsigKey tsigKey;
  private final List<String> zones;

  private BindServer(ManagedProcess process, int port, TsigKey tsigKey, List<String> zones) {
    this.process = process;
    this.port = port;
    this.tsigKey = tsigKey;
    this.zones = zones;
  }

  /**
   * Starts named and returns once every zone answers its SOA.
   *
   * @param name names the state directory {@code it-state/<name>}, log directory {@code it-logs/<name>} and key
   * @param zones the zones served, e.g. {@code weu.example.test}
   */
  public static BindServer start(String name, List<String> zones) {
    Path state = StateDirectories.fresh(name);
    int port = FreePorts.tcpAndUdp();
    TsigKey key = TsigKey.generate(state, name);
    Path config = state.resolve("named.conf");
    write(config, namedConfig(state, port, key, zones));
    zones.forEach(zone -> write(state.resolve(zone + ".zone"), zoneFile(zone)));
    Command.run(state, START_TIMEOUT, List.of(Binaries.systemTool("named-checkconf").toString(), config.toString()));
    ManagedProcess named = ManagedProcess.start("named", List.of(
        Binaries.systemTool("named").toString(), "-g", "-4", "-n", "1", "-c", config.toString()),
        TestDirectories.logDirectory(name), state.resolve("run"));
    BindServer server = new BindServer(named, port, key, List.copyOf(zones));
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

  /** The key that signs updates and transfers. */
  public TsigKey tsigKey() {
    return tsigKey;
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

  private static String namedConfig(Path state, int port, TsigKey key, List<String> zones) {
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
    String zoneStatements = zones.stream().map(zone -> """
        zone "%1$s" {
          type primary;
          file "%2$s/%1$s.zone";
          journal "%2$s/%1$s.zone.jnl";
          allow-update { key "%3$s"; };
          allow-transfer { key "%3$s"; };
        };
        """.formatted(zone, state, key.name())).collect(Collectors.joining());
    return options + key.namedConfig() + zoneStatements;
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
