package io.servicerouter.testsupport;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.servicerouter.model.Labels;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ExternalDNS process: reads the DNSEndpoints of one controller from a control plane and writes their
 * records into one zone of a {@link BindServer} (rfc2136 provider with TSIG and zone transfers, TXT registry
 * owned by the controller name, a sync pass every second).
 */
public final class ExternalDns implements AutoCloseable {

  /** ExternalDNS's request rate to the API server (its default is 5 per second, with bursts of 10). */
  static final int KUBE_API_QPS = 500;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /** A completed sync pass sets this gauge to its Unix time. */
  private static final Pattern LAST_SYNC = Pattern.compile(
      "(?m)^external_dns_controller_last_sync_timestamp_seconds(?:\\{[^}]*})? ([0-9.e+]+)$");

  /** What ExternalDNS may do to the zone's records ({@code --policy}). */
  public enum Policy {
    /** Create, update and delete: the zone's home instance. */
    SYNC("sync"),
    /** Create and update, never delete: a standby instance. */
    UPSERT_ONLY("upsert-only");

    private final String flag;

    Policy(String flag) {
      this.flag = flag;
    }
  }

  /** How the instance picks its controller's DNSEndpoints. */
  public enum Selection {
    /** {@code --label-filter=router.io/controller=<controller>}, evaluated by the API server. */
    LABEL(Labels.LABEL_CONTROLLER, "--label-filter="),
    /** {@code --annotation-filter=external-dns.alpha.kubernetes.io/controller=<controller>}, checked by ExternalDNS. */
    ANNOTATION(Labels.ANNOTATION_CONTROLLER, "--annotation-filter=");

    private final String key;
    private final String flag;

    Selection(String key, String flag) {
      this.key = key;
      this.flag = flag;
    }

    /** Marks {@code object} as one of {@code controller}'s, by label or annotation, and returns it. */
    public <T extends HasMetadata> T mark(T object, String controller) {
      ObjectMeta metadata = object.getMetadata();
      if (this == LABEL) {
        metadata.setLabels(with(metadata.getLabels(), controller));
      } else {
        metadata.setAnnotations(with(metadata.getAnnotations(), controller));
      }
      return object;
    }

    private Map<String, String> with(Map<String, String> entries, String controller) {
      Map<String, String> copy = entries == null ? new HashMap<>() : new HashMap<>(entries);
      copy.put(key, controller);
      return copy;
    }
  }

  /**
   * What one instance does.
   *
   * @param controller the controller name, also the TXT owner id (the same in every cluster, as in production)
   * @param zone the zone written, also the domain filter
   * @param policy {@code --policy}
   * @param selection label or annotation filter on the controller name
   */
  public record Settings(String controller, String zone, Policy policy, Selection selection) {}

  private final ManagedProcess process;
  private final Settings settings;
  private final String metricsAddress;

  private ExternalDns(ManagedProcess process, Settings settings, String metricsAddress) {
    this.process = process;
    this.settings = settings;
    this.metricsAddress = metricsAddress;
  }

  /**
   * Starts ExternalDNS against {@code controlPlane} and {@code dns}, and returns after its first completed
   * sync pass. Its log is {@code it-logs/<control plane>/<controller>.log}.
   */
  public static ExternalDns start(ControlPlane controlPlane, BindServer dns, Settings settings) {
    String metrics = "127.0.0.1:" + FreePorts.tcp();
    TsigKey key = dns.tsigKey();
    Selection selection = settings.selection();
    ManagedProcess process = ManagedProcess.start(settings.controller(), List.of(
        Binaries.locate().externalDns().toString(),
        "--kubeconfig=" + controlPlane.kubeconfig(),
        "--source=crd", "--crd-source-apiversion=externaldns.k8s.io/v1alpha1", "--crd-source-kind=DNSEndpoint",
        selection.flag + selection.key + "=" + settings.controller(),
        "--provider=rfc2136", "--rfc2136-host=127.0.0.1", "--rfc2136-port=" + dns.port(),
        "--rfc2136-zone=" + settings.zone(), "--rfc2136-tsig-keyname=" + key.name(),
        "--rfc2136-tsig-secret=" + key.secret(), "--rfc2136-tsig-secret-alg=" + key.algorithm(), "--rfc2136-axfr",
        "--domain-filter=" + settings.zone(),
        "--managed-record-types=A", "--managed-record-types=AAAA", "--managed-record-types=CNAME",
        "--registry=txt", "--txt-owner-id=" + settings.controller(),
        "--policy=" + settings.policy().flag, "--interval=1s",
        // The CRD source writes each new DNSEndpoint's status (observedGeneration) before the records are
        // planned, through a client limited to 5 requests per second by default: 100 new DNSEndpoints then
        // delayed a failover by 18 s (measured). As docs/operations.md recommends for production.
        "--kube-api-qps=" + KUBE_API_QPS, "--kube-api-burst=" + 2 * KUBE_API_QPS,
        "--metrics-address=" + metrics),
        TestDirectories.logDirectory(controlPlane.name()),
        StateDirectories.fresh(controlPlane.name() + "-" + settings.controller()).resolve("run"));
    process.awaitReady("first ExternalDNS sync", START_TIMEOUT, () -> lastSync(metrics) > 0);
    return new ExternalDns(process, settings, metrics);
  }

  /** What this instance does. */
  public Settings settings() {
    return settings;
  }

  /**
   * Returns once a sync pass that started after this call has completed, so that every DNSEndpoint change made
   * before the call has been acted on; the way to show that ExternalDNS did <em>not</em> write something.
   * (The first completion seen may belong to a pass that was already running; the one after it cannot.)
   */
  public void awaitCompletePass(Duration timeout) {
    double before = lastSync(metricsAddress);
    process.awaitReady("a sync pass to complete", timeout, () -> lastSync(metricsAddress) > before);
    double completed = lastSync(metricsAddress);
    process.awaitReady("a sync pass to start and complete", timeout, () -> lastSync(metricsAddress) > completed);
  }

  /** Stops ExternalDNS (a "cluster failure" for the zone, as far as DNS goes). */
  @Override
  public void close() {
    process.stop();
  }

  private static double lastSync(String metricsAddress) {
    return LocalHttp.get("http://" + metricsAddress + "/metrics")
        .map(LAST_SYNC::matcher).filter(Matcher::find).map(m -> Double.parseDouble(m.group(1))).orElse(0.0);
  }
}
