package io.servicerouter.zoneagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.fence.Holder;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.Endpoint;
import io.servicerouter.testsupport.BindServer;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.DnsEndpoints;
import io.servicerouter.testsupport.ExternalDns;
import io.servicerouter.testsupport.ExternalDns.Policy;
import io.servicerouter.testsupport.ExternalDns.Selection;
import io.servicerouter.testsupport.ExternalDns.Settings;
import io.servicerouter.testsupport.TestNamespace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The zone agent writes a zone exactly as ExternalDNS's in-tree RFC 2136 provider does: the same DNSEndpoints,
 * read by two ExternalDNS v0.22 instances of one controller, one with {@code --provider=rfc2136} writing one BIND
 * and one through the agent writing another, leave both zones equal record for record (AXFR, TTLs included,
 * the TXT registry records included, the agent's lease record aside) after creates, updates and deletes.
 */
@ExtendWith(ControlPlaneExtension.class)
class Rfc2136ParityIT {

  private static final String ZONE = "weu.example.test";
  private static final String CONTROLLER = "external-dns-weu";
  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static BindServer inTreeDns;
  private static BindServer agentDns;
  private static ZoneAgent agent;
  private static ExternalDns inTree;
  private static ExternalDns throughAgent;
  private static KubernetesClient client;
  private static TestNamespace namespace;

  @BeforeAll
  static void start(ControlPlane controlPlane) throws IOException {
    inTreeDns = BindServer.start("parity-in-tree", List.of(ZONE));
    agentDns = BindServer.start("parity-agent", List.of(ZONE), List.of("weu"));
    agent = ZoneAgent.start(new ZoneAgent.Settings("127.0.0.1", agentDns.port(), ZONE, CONTROLLER, WEU, WEU,
        agentDns.tsigKey("weu").tsig(), 0), new InetSocketAddress("127.0.0.1", 0),
        new InetSocketAddress("127.0.0.1", 0), () -> { });
    Settings settings = new Settings(CONTROLLER, ZONE, Policy.SYNC, Selection.LABEL);
    inTree = ExternalDns.start(controlPlane, inTreeDns, settings);
    throughAgent = ExternalDns.startThroughWebhook(controlPlane, agentDns, settings,
        "http://127.0.0.1:" + agent.webhookPort());
    client = controlPlane.client();
    namespace = TestNamespace.create(client, "parity");
  }

  @AfterAll
  static void stop() {
    if (namespace != null) {
      namespace.close();
    }
    Stream.of(inTree, throughAgent).filter(e -> e != null).forEach(ExternalDns::close);
    if (agent != null) {
      agent.close();
    }
    Stream.of(inTreeDns, agentDns).filter(b -> b != null).forEach(BindServer::close);
  }

  @Test
  void createsUpdatesAndDeletesLeaveBothZonesEqual() {
    List<String> empty = contents(agentDns);
    assertThat(contents(inTreeDns)).isEqualTo(empty);

    client.resource(Selection.LABEL.mark(DnsEndpoints.of(namespace.name(), "app", List.of(
        new Endpoint("app." + ZONE, "CNAME", List.of("gw.weu.example.org"), 30L),
        new Endpoint("multi." + ZONE, "A", List.of("10.0.0.1", "10.0.0.2"), null),
        new Endpoint("v6." + ZONE, "AAAA", List.of("2001:db8:0:0:0:0:0:1"), 120L))), CONTROLLER)).create();
    List<String> created = awaitChangedAndEqual(empty);
    assertThat(created).anyMatch(line -> line.startsWith("app." + ZONE + ".\t30\tIN\tCNAME\tgw.weu.example.org."))
        .anyMatch(line -> line.startsWith("v6." + ZONE + ".\t120\tIN\tAAAA\t"))
        .anyMatch(line -> line.contains("\tTXT\t") && line.contains("external-dns/owner=" + CONTROLLER));

    client.resources(DNSEndpoint.class).inNamespace(namespace.name()).withName("app").edit(e -> {
      e.getSpec().setEndpoints(List.of(
          new Endpoint("app." + ZONE, "CNAME", List.of("gw2.weu.example.org"), 60L),
          new Endpoint("multi." + ZONE, "A", List.of("10.0.0.3"), 15L)));
      return e;
    });
    List<String> updated = awaitChangedAndEqual(created);
    assertThat(updated).anyMatch(line -> line.startsWith("app." + ZONE + ".\t60\tIN\tCNAME\tgw2.weu.example.org."))
        .noneMatch(line -> line.contains("\tAAAA\t"));

    client.resources(DNSEndpoint.class).inNamespace(namespace.name()).withName("app").delete();
    assertThat(awaitChangedAndEqual(updated)).isEqualTo(empty);
  }

  /**
   * Waits until both zones differ from {@code before} and are equal, then until each instance completed a sync
   * pass that started after that (so that neither has changes left to make), and returns their common content.
   */
  private static List<String> awaitChangedAndEqual(List<String> before) {
    Awaitility.await("both zones changed and equal").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
        .until(() -> !contents(agentDns).equals(before) && contents(inTreeDns).equals(contents(agentDns)));
    inTree.awaitCompletePass(TIMEOUT);
    throughAgent.awaitCompletePass(TIMEOUT);
    List<String> contents = contents(agentDns);
    assertThat(contents(inTreeDns)).isEqualTo(contents);
    return contents;
  }

  /** The zone's records without the fence's own (the agent's lease record). */
  private static List<String> contents(BindServer dns) {
    return dns.zoneContents(ZONE).stream().filter(line -> !line.startsWith("_sr-")).toList();
  }
}
