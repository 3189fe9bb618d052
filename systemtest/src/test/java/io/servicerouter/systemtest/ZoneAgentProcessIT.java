package io.servicerouter.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.testsupport.BindServer;
import io.servicerouter.testsupport.ControlPlane;
import io.servicerouter.testsupport.ControlPlaneExtension;
import io.servicerouter.testsupport.DnsEndpoints;
import io.servicerouter.testsupport.ExternalDns;
import io.servicerouter.testsupport.ExternalDns.Policy;
import io.servicerouter.testsupport.ExternalDns.Selection;
import io.servicerouter.testsupport.ExternalDns.Settings;
import io.servicerouter.testsupport.FreePorts;
import io.servicerouter.testsupport.LocalHttp;
import io.servicerouter.testsupport.ManagedProcess;
import io.servicerouter.testsupport.StateDirectories;
import io.servicerouter.testsupport.TestDirectories;
import io.servicerouter.testsupport.TestNamespace;
import io.servicerouter.testsupport.TsigKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped command, {@code servicerouter zone-agent}, as the chart's sidecar runs it: a process of the app's
 * jar with the TSIG secret in its environment only, ExternalDNS v0.22 writing through it into BIND; its
 * management port serves the lease and the fence's metrics.
 */
@ExtendWith(ControlPlaneExtension.class)
class ZoneAgentProcessIT {

  private static final String ZONE = "weu.example.test";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void theZoneAgentCommandServesExternalDnsAndItsLease(ControlPlane controlPlane) {
    int webhookPort = FreePorts.tcp();
    int managementPort = FreePorts.tcp();
    try (BindServer bind = BindServer.start("zone-agent-process", List.of(ZONE), List.of("weu"))) {
      TsigKey key = bind.tsigKey("weu");
      Path jar = TestDirectories.repositoryRoot().resolve("app/target/servicerouter.jar");
      ManagedProcess agent = ManagedProcess.start("zone-agent", List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "zone-agent",
          "--dns-server=127.0.0.1:" + bind.port(), "--zone=" + ZONE, "--controller=external-dns-weu",
          "--cluster=aks01/weu", "--home=aks01/weu", "--tsig-key-name=" + key.name(),
          "--tsig-algorithm=" + key.algorithm(), "--min-ttl=10s", "--webhook-address=127.0.0.1:" + webhookPort,
          "--management-address=127.0.0.1:" + managementPort),
          Map.of("SERVICEROUTER_TSIG_SECRET", key.secret()), TestDirectories.logDirectory("zone-agent-process"),
          StateDirectories.fresh("zone-agent-process-run"));
      try {
        String management = "http://127.0.0.1:" + managementPort;
        agent.awaitReady("zone agent /healthz", TIMEOUT,
            () -> LocalHttp.get(management + "/healthz").filter("ok"::equals).isPresent());
        assertThat(agent.tail(200)).doesNotContain(key.secret());
        try (ExternalDns externalDns = ExternalDns.startThroughWebhook(controlPlane, bind,
                new Settings("external-dns-weu", ZONE, Policy.SYNC, Selection.LABEL), "http://127.0.0.1:" + webhookPort);
            TestNamespace namespace = TestNamespace.create(controlPlane.client(), "agent-process")) {
          KubernetesClient client = controlPlane.client();
          client.resource(Selection.LABEL.mark(DnsEndpoints.cname(namespace.name(), "app", "app." + ZONE,
              "gw.example.org"), "external-dns-weu")).create();
          bind.lookup().await("app." + ZONE, "CNAME", List.of("gw.example.org"), TIMEOUT);

          assertThat(LocalHttp.get(management + "/lease")).contains(
              "{\"holder\":\"aks01/weu\",\"epoch\":1,\"heartbeat\":\"v=1 holder=aks01/weu epoch=1 seq=0\"}");
          assertThat(LocalHttp.get(management + "/metrics")).hasValueSatisfying(metrics -> assertThat(metrics)
              .containsPattern("(?m)^servicerouter_fence_writes_total [1-9]")
              .contains("servicerouter_fence_rejected_total{reason=\"not_holder\"} 0.0"));
          assertThat(bind.zoneContents(ZONE)).anyMatch(line -> line.startsWith("app." + ZONE + ".\t10\tIN\tCNAME"));
        }
      } finally {
        agent.stop();
      }
    }
  }
}
