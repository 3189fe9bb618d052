package io.servicerouter.zoneagent;

import com.sun.net.httpserver.HttpServer;
import io.servicerouter.fence.FenceRecords;
import io.servicerouter.fence.Holder;
import io.servicerouter.zoneagent.rfc2136.RecordMapping;
import io.servicerouter.zoneagent.rfc2136.Rfc2136Zone;
import io.servicerouter.zoneagent.rfc2136.ZoneLease;
import io.servicerouter.zoneagent.webhook.Changes;
import io.servicerouter.zoneagent.webhook.Endpoint;
import io.servicerouter.zoneagent.webhook.Responses;
import io.servicerouter.zoneagent.webhook.WebhookServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.xbill.DNS.TSIG;

/**
 * A running zone agent: the webhook ExternalDNS writes through (fenced), and a management server with
 * {@code /healthz}, {@code /metrics} and the lease API for the operator ({@link LeaseApi}: {@code GET /lease};
 * break glass and hand-back; renewal, takeover and claim of automatic failover).
 */
public final class ZoneAgent implements AutoCloseable {

  private static final Duration DNS_TIMEOUT = Duration.ofSeconds(3);

  /**
   * What an agent writes and as whom.
   *
   * @param dnsHost the zone's primary server
   * @param dnsPort its port
   * @param zone the zone, e.g. {@code weu.example.test}
   * @param controller the ExternalDNS controller writing it (names the lease record)
   * @param self this cluster
   * @param home the cluster of the zone's region
   * @param tsig this cluster's TSIG key
   * @param minTtl the smallest TTL written (as ExternalDNS's {@code --rfc2136-min-ttl})
   */
  public record Settings(String dnsHost, int dnsPort, String zone, String controller, Holder self, Holder home,
      TSIG tsig, long minTtl) {
  }

  private final WebhookServer webhook;
  private final HttpServer management;
  private final FenceMetrics metrics;
  private final LeaseControl leaseControl;
  private final FailoverControl failoverControl;

  private ZoneAgent(WebhookServer webhook, HttpServer management, FenceMetrics metrics, LeaseControl leaseControl,
      FailoverControl failoverControl) {
    this.webhook = webhook;
    this.management = management;
    this.metrics = metrics;
    this.leaseControl = leaseControl;
    this.failoverControl = failoverControl;
  }

  /**
   * Starts an agent on the system's monotonic clock.
   *
   * @param afterLeaseRead see {@link FencedZoneWriter}; a no-op outside tests
   */
  public static ZoneAgent start(Settings settings, InetSocketAddress webhookAddress,
      InetSocketAddress managementAddress, Runnable afterLeaseRead) throws IOException {
    return start(settings, webhookAddress, managementAddress, afterLeaseRead, System::nanoTime);
  }

  /**
   * Starts an agent.
   *
   * @param afterLeaseRead see {@link FencedZoneWriter}; a no-op outside tests
   * @param nanos the monotonic clock of the renew deadline ({@link RenewDeadline}), {@code System::nanoTime}
   *     outside tests
   */
  public static ZoneAgent start(Settings settings, InetSocketAddress webhookAddress,
      InetSocketAddress managementAddress, Runnable afterLeaseRead, LongSupplier nanos) throws IOException {
    Rfc2136Zone zone = new Rfc2136Zone(settings.dnsHost(), settings.dnsPort(), settings.zone(), settings.tsig(),
        DNS_TIMEOUT);
    ZoneLease lease = new ZoneLease(zone, new FenceRecords(settings.controller(), settings.zone()), settings.home());
    FenceMetrics metrics = new FenceMetrics();
    RenewDeadline deadline = new RenewDeadline(nanos);
    FencedZoneWriter writer = new FencedZoneWriter(zone, lease, settings.self(), settings.home(),
        new RecordMapping(settings.minTtl()), metrics, deadline, afterLeaseRead);
    LeaseControl control = new LeaseControl(lease, settings.self(), settings.home());
    FailoverControl failover = new FailoverControl(lease, settings.self(), settings.home(), deadline);
    WebhookServer webhook = WebhookServer.start(webhookAddress, settings.zone(), new WebhookServer.Provider() {
      @Override
      public List<Endpoint> records() throws IOException {
        return writer.records();
      }

      @Override
      public void apply(Changes changes) throws WebhookServer.Unavailable {
        try {
          writer.apply(changes);
        } catch (Refusal.Refused e) {
          throw new WebhookServer.Unavailable(e.refusal().reason() + ": " + e.getMessage(), e);
        }
      }
    });
    HttpServer management = HttpServer.create(managementAddress, 0);
    management.createContext("/healthz", exchange -> Responses.send(exchange, 200, "text/plain", "ok"));
    management.createContext("/metrics", exchange -> Responses.send(exchange, 200,
        "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
    management.createContext("/lease", new LeaseApi(control, failover));
    management.start();
    return new ZoneAgent(webhook, management, metrics, control, failover);
  }

  /** The webhook's port (ExternalDNS's {@code --webhook-provider-url}). */
  public int webhookPort() {
    return webhook.port();
  }

  /** The agent's counters. */
  public FenceMetrics metrics() {
    return metrics;
  }

  /** The management server's port ({@code /healthz}, {@code /metrics}, {@code /lease}). */
  public int managementPort() {
    return management.getAddress().getPort();
  }

  /** The lease operations of manual failover, as {@code /lease} serves them. */
  public LeaseControl leaseControl() {
    return leaseControl;
  }

  /** The lease operations of automatic failover, as {@code /lease} serves them. */
  public FailoverControl failoverControl() {
    return failoverControl;
  }

  @Override
  public void close() {
    webhook.close();
    management.stop(0);
  }
}
