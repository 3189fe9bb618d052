package io.servicerouter.zoneagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.testsupport.BindServer;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.DnsEndpoints;
import io.servicerouter.testsupport.DnsLookup;
import io.servicerouter.testsupport.ExternalDns;
import io.servicerouter.testsupport.ExternalDns.Policy;
import io.servicerouter.testsupport.ExternalDns.Selection;
import io.servicerouter.testsupport.ExternalDns.Settings;
import io.servicerouter.testsupport.TestNamespace;
import io.servicerouter.testsupport.UpdateLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real ExternalDNS v0.22 writing one zone of a real BIND through two zone agents, the zone's home (weu) and
 * another cluster (neu), each with its own TSIG key: a cluster writes only while the lease names it, a break
 * glass takes the zone at once, a write delayed past a takeover is refused by the DNS server itself, and
 * ExternalDNS keeps running through every refusal. BIND's update log shows no change committed out of lease.
 */
@ExtendWith(ControlPlaneExtension.class)
class FencedZoneWriterIT {

  private static final String ZONE = "weu.example.test";
  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Holder NEU = new Holder("aks01", "neu");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static BindServer bind;
  private static DnsLookup dns;
  private static ZoneAgent weuAgent;
  private static ZoneAgent neuAgent;
  private static ExternalDns weuExternalDns;
  private static ExternalDns neuExternalDns;
  private static KubernetesClient client;
  private static TestNamespace namespace;
  /** Armed by a test: the next weu write pauses after its lease read until {@link #resumeWeu} opens. */
  private static final AtomicBoolean PAUSE_NEXT_WEU_WRITE = new AtomicBoolean();
  private static volatile CountDownLatch weuReadLease = new CountDownLatch(1);
  private static volatile CountDownLatch resumeWeu = new CountDownLatch(1);

  @BeforeAll
  static void start(ControlPlane controlPlane) throws IOException {
    bind = BindServer.start("fenced-writer", List.of(ZONE), List.of("weu", "neu"));
    dns = bind.lookup();
    weuAgent = agent("weu", WEU, FencedZoneWriterIT::pauseIfArmed);
    neuAgent = agent("neu", NEU, () -> { });
    // Both clusters' instances read this one control plane: weu's the zone's DNSEndpoints (controller
    // external-dns-weu, sync), neu's those of its own controller, so neu wants to write names of its own.
    weuExternalDns = ExternalDns.startThroughWebhook(controlPlane, bind,
        new Settings("external-dns-weu", ZONE, Policy.SYNC, Selection.LABEL),
        "http://127.0.0.1:" + weuAgent.webhookPort());
    neuExternalDns = ExternalDns.startThroughWebhook(controlPlane, bind,
        new Settings("external-dns-weu-at-neu", ZONE, Policy.UPSERT_ONLY, Selection.LABEL),
        "http://127.0.0.1:" + neuAgent.webhookPort());
    client = controlPlane.client();
    namespace = TestNamespace.create(client, "fence");
  }

  @AfterAll
  static void stop() {
    if (namespace != null) {
      namespace.close();
    }
    Stream.of(weuExternalDns, neuExternalDns).filter(e -> e != null).forEach(ExternalDns::close);
    Stream.of(weuAgent, neuAgent).filter(a -> a != null).forEach(ZoneAgent::close);
    if (bind != null) {
      bind.close();
    }
  }

  @BeforeEach
  void theHomeHoldsTheZone() throws IOException {
    neuAgent.leaseControl().release();
  }

  @Test
  void onlyTheLeaseHolderWritesAndBreakGlassMovesTheZoneAtOnce() throws IOException {
    create("app", "app." + ZONE, "blue.example.org", "external-dns-weu");
    dns.await("app." + ZONE, "CNAME", List.of("blue.example.org"), TIMEOUT);
    assertThat(weuAgent.leaseControl().current()).map(Lease::holder).contains(WEU);

    // neu's instance wants a name of its own and is refused while weu holds the lease.
    double neuRefusedBefore = neuAgent.metrics().rejected(Refusal.NOT_HOLDER);
    create("standby", "standby." + ZONE, "neu.example.org", "external-dns-weu-at-neu");
    awaitRefusals(neuAgent, Refusal.NOT_HOLDER, neuRefusedBefore + 2);
    assertThat(dns.answers("standby." + ZONE, "CNAME")).isEmpty();
    assertThat(neuExternalDns.isRunning()).as("ExternalDNS keeps running through 503s").isTrue();

    // Break glass: neu takes the zone; its write lands, and weu's next change is refused from then on.
    Lease taken = neuAgent.leaseControl().take();
    assertThat(taken.holder()).isEqualTo(NEU);
    dns.await("standby." + ZONE, "CNAME", List.of("neu.example.org"), TIMEOUT);
    double weuRefusedBefore = weuAgent.metrics().rejected(Refusal.NOT_HOLDER);
    retarget("app", "app." + ZONE, "green.example.org");
    awaitRefusals(weuAgent, Refusal.NOT_HOLDER, weuRefusedBefore + 2);
    assertThat(dns.answers("app." + ZONE, "CNAME")).containsExactly("blue.example.org");
    assertThat(weuExternalDns.isRunning()).isTrue();

    // Hand-back: weu writes again once the lease names it.
    Lease handedBack = neuAgent.leaseControl().release().orElseThrow();
    assertThat(handedBack).isEqualTo(taken.takenBy(WEU));
    dns.await("app." + ZONE, "CNAME", List.of("green.example.org"), TIMEOUT);
    assertNoChangeOutOfLease();
  }

  @Test
  void aWriteDelayedPastATakeoverIsRefusedByTheDnsServer() throws Exception {
    create("stale", "stale." + ZONE, "one.example.org", "external-dns-weu");
    dns.await("stale." + ZONE, "CNAME", List.of("one.example.org"), TIMEOUT);
    long refusedByBind = refusedByBind("weu");
    double changedBefore = weuAgent.metrics().rejected(Refusal.LEASE_CHANGED);

    weuReadLease = new CountDownLatch(1);
    resumeWeu = new CountDownLatch(1);
    PAUSE_NEXT_WEU_WRITE.set(true);
    retarget("stale", "stale." + ZONE, "two.example.org");
    assertThat(weuReadLease.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("weu read its lease").isTrue();
    neuAgent.leaseControl().take(); // the takeover happens while weu's write is in flight
    resumeWeu.countDown();

    awaitRefusals(weuAgent, Refusal.LEASE_CHANGED, changedBefore + 1);
    assertThat(refusedByBind("weu")).as("NXRRSET for weu's key in BIND's log").isGreaterThan(refusedByBind);
    assertThat(dns.answers("stale." + ZONE, "CNAME")).containsExactly("one.example.org");
    assertThat(weuExternalDns.isRunning()).isTrue();

    neuAgent.leaseControl().release();
    dns.await("stale." + ZONE, "CNAME", List.of("two.example.org"), TIMEOUT);
    assertNoChangeOutOfLease();
  }

  private static void pauseIfArmed() {
    if (PAUSE_NEXT_WEU_WRITE.compareAndSet(true, false)) {
      weuReadLease.countDown();
      try {
        resumeWeu.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ZoneAgent agent(String key, Holder self, Runnable afterLeaseRead) throws IOException {
    return ZoneAgent.start(new ZoneAgent.Settings("127.0.0.1", bind.port(), ZONE, "external-dns-weu", self, WEU,
        bind.tsigKey(key).tsig(), 0), new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0),
        afterLeaseRead);
  }

  private static void create(String name, String hostname, String target, String controller) {
    client.resource(Selection.LABEL.mark(DnsEndpoints.cname(namespace.name(), name, hostname, target), controller))
        .create();
  }

  private static void retarget(String name, String hostname, String target) {
    client.resources(DNSEndpoint.class).inNamespace(namespace.name()).withName(name).edit(e -> {
      e.getSpec().setEndpoints(
          List.of(new Endpoint(hostname, "CNAME", List.of(target), DnsEndpoints.TTL_SECONDS)));
      return e;
    });
  }

  private static void awaitRefusals(ZoneAgent agent, Refusal refusal, double atLeast) {
    Awaitility.await(refusal.reason() + " refusals").atMost(TIMEOUT)
        .until(() -> agent.metrics().rejected(refusal) >= atLeast);
  }

  private static long refusedByBind(String key) {
    return bind.updateLog().entries().stream()
        .filter(e -> e.action() == UpdateLog.Action.REFUSED && e.key().equals(key) && "NXRRSET".equals(e.data()))
        .count();
  }

  private static void assertNoChangeOutOfLease() {
    UpdateLog.Audit audit = bind.updateLog().audit(Map.of("weu", WEU.toString(), "neu", NEU.toString()));
    assertThat(audit.committedOutOfLease()).as(audit.line()).isEmpty();
  }
}
