package io.servicerouter.zoneagent;

import io.servicerouter.fence.Holder;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.TSIG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code servicerouter zone-agent}: the fenced zone writer, run as a sidecar of one ExternalDNS instance
 * ({@code --provider=webhook}). It is the only holder of the zone's DNS credentials: the TSIG secret comes from
 * the environment variable {@value #TSIG_SECRET_VARIABLE} (filled from a Secret).
 */
@Command(name = "zone-agent", mixinStandardHelpOptions = true,
    description = "ExternalDNS webhook provider that writes one zone over RFC 2136 only while the zone's lease "
        + "record names this cluster, checked by the DNS server on every write.")
public final class ZoneAgentCommand implements Callable<Integer> {

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(h|m|s)");

  /** Where the TSIG secret is read from. */
  public static final String TSIG_SECRET_VARIABLE = "SERVICEROUTER_TSIG_SECRET";

  @Option(names = "--dns-server", required = true, description = "The zone's primary DNS server, host:port.")
  String dnsServer;

  @Option(names = "--zone", required = true, description = "The zone written, e.g. weu.example.com.")
  String zone;

  @Option(names = "--controller", required = true,
      description = "The ExternalDNS controller of the zone; names the lease record _sr-lease.<controller>.<zone>.")
  String controller;

  @Option(names = "--cluster", required = true, description = "This cluster, cluster/region (ClusterIdentity).")
  String cluster;

  @Option(names = "--home", required = true,
      description = "The cluster of the zone's region, cluster/region: it creates the zone's first lease.")
  String home;

  @Option(names = "--tsig-key-name", required = true, description = "This cluster's TSIG key name.")
  String tsigKeyName;

  @Option(names = "--tsig-algorithm", defaultValue = "hmac-sha256", description = "Default: ${DEFAULT-VALUE}.")
  String tsigAlgorithm;

  @Option(names = "--min-ttl", defaultValue = "0s",
      description = "The smallest TTL written, as ExternalDNS's --rfc2136-min-ttl (e.g. 30s, 1m30s). "
          + "Default: ${DEFAULT-VALUE}.")
  String minTtl;

  @Option(names = "--webhook-address", defaultValue = "127.0.0.1:8888",
      description = "Where ExternalDNS reaches the webhook. Default: ${DEFAULT-VALUE}.")
  String webhookAddress;

  @Option(names = "--management-address", defaultValue = "0.0.0.0:8080",
      description = "/healthz, /metrics and /lease. Default: ${DEFAULT-VALUE}.")
  String managementAddress;

  @Override
  public Integer call() throws Exception {
    String secret = System.getenv(TSIG_SECRET_VARIABLE);
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the TSIG secret is missing: set " + TSIG_SECRET_VARIABLE);
    }
    InetSocketAddress dns = address("--dns-server", dnsServer);
    ZoneAgent.Settings settings = new ZoneAgent.Settings(dns.getHostString(), dns.getPort(), zone, controller,
        Holder.parse(cluster), Holder.parse(home), new TSIG(TSIG.algorithmToName(tsigAlgorithm), tsigKeyName, secret),
        seconds("--min-ttl", minTtl));
    try (ZoneAgent agent = ZoneAgent.start(settings, address("--webhook-address", webhookAddress),
        address("--management-address", managementAddress), () -> { })) {
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }

  /** Seconds of a Go duration of hours, minutes and seconds ({@code 90s}, {@code 1m30s}, {@code 1h}; {@code 0}). */
  static long seconds(String option, String duration) {
    if (duration.equals("0")) {
      return 0;
    }
    Matcher part = DURATION_PART.matcher(duration);
    long seconds = 0;
    int end = 0;
    while (part.find() && part.start() == end) {
      long value = Long.parseLong(part.group(1));
      seconds += switch (part.group(2)) {
        case "h" -> value * 3600;
        case "m" -> value * 60;
        default -> value;
      };
      end = part.end();
    }
    if (end == 0 || end != duration.length()) {
      throw new IllegalArgumentException(option + " must be a duration such as 30s or 1m30s, got '" + duration + "'");
    }
    return seconds;
  }

  private static InetSocketAddress address(String option, String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(option + " must be host:port, got '" + hostAndPort + "'");
    }
    try {
      return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be host:port, got '" + hostAndPort + "'", e);
    }
  }
}
