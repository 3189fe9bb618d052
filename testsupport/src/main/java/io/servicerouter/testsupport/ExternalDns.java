package io.servicerouter.testsupport;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.servicerouter.model.Json;
import io.servicerouter.model.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ExternalDNS process: reads the DNSEndpoints of one controller from a control plane and writes their
 * records into one zone of a {@link BindServer}. Its flags are the ones the repository's Helm chart renders for
 * the zone's instance ({@code charts/service-router-operator}, {@code externalDns.zones}, SPEC §8): the chart is
 * rendered with {@code helm template} and the process runs the rendered Deployment's container arguments, with
 * the rfc2136 provider (TSIG, zone transfers) on the BIND server, the TXT registry owned by the controller name
 * and a sync pass every second. Only what a process outside a cluster needs is added: {@code --kubeconfig}, a
 * free {@code --metrics-address}, and the TSIG secret in the environment variable the Deployment fills from its
 * Secret.
 */
public final class ExternalDns implements AutoCloseable {

  /** The release and namespace the chart is rendered as: names only, nothing is installed. */
  private static final String RELEASE = "service-router-operator";
  private static final String NAMESPACE = "service-router-system";
  private static final String TEMPLATE = "templates/externaldns.yaml";
  /**
   * The Secret the rendered Deployment reads the TSIG secret from. Locally there is no Secret: the environment
   * variable the Deployment declares with this reference receives the key's secret directly.
   */
  private static final SecretKeySelector TSIG_SECRET = new SecretKeySelector("secret", "rfc2136-tsig", null);
  /** A sync pass every second (the chart's default is 1m); the drill's timings and the ITs rely on it. */
  private static final String INTERVAL = "1s";
  /**
   * No {@code --events} (the chart's default adds it): with a 1 s interval it only slows ExternalDNS down. An
   * event schedules the next pass no earlier than {@code --min-event-sync-interval} (5 s) after the start of the
   * previous one, so each DNSEndpoint change postpones the pass due within a second to up to 5 s later:
   * measured, a create took 4.5 s instead of 0.7 s to reach DNS (median, ExternalDnsIT), and the drill's failover
   * of 100 services about 6 s instead of 3 s. With the chart's 1 m interval it is the other way round.
   */
  private static final boolean EVENTS = false;
  /** The regions of an instance whose policy is set explicitly: the chart ignores them then. */
  private static final String ANY_REGION = "local";
  /** Rendered containers by values file content: a restarted instance renders nothing again. */
  private static final Map<String, ChartContainer> RENDERED = new ConcurrentHashMap<>();

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /** Started: a sync pass completed (the metrics address given). */
  private static final Predicate<String> FIRST_SYNC = named("first ExternalDNS sync", m -> lastSync(m) > 0);
  /** Started: the metrics are served. */
  private static final Predicate<String> SERVING = named("ExternalDNS serving its metrics",
      m -> LocalHttp.get("http://" + m + "/metrics").isPresent());
  /** A completed sync pass sets this gauge to its Unix time. */
  private static final Pattern LAST_SYNC = Pattern.compile(
      "(?m)^external_dns_controller_last_sync_timestamp_seconds(?:\\{[^}]*})? ([0-9.e+]+)$");

  /** What ExternalDNS may do to the zone's records ({@code --policy}, the chart's {@code zones[].policy}). */
  public enum Policy {
    /** Create, update and delete: the zone's home instance. */
    SYNC("sync"),
    /** Create and update, never delete: a standby instance. */
    UPSERT_ONLY("upsert-only");

    private final String value;

    Policy(String value) {
      this.value = value;
    }

    static Policy of(String value) {
      return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst()
          .orElseThrow(() -> new IllegalStateException("the chart rendered an unknown --policy=" + value));
    }
  }

  /** How the instance picks its controller's DNSEndpoints (the chart's {@code externalDns.selection}). */
  public enum Selection {
    /** {@code --label-filter=router.io/controller=<controller>}, evaluated by the API server. */
    LABEL(Labels.LABEL_CONTROLLER, "label"),
    /** {@code --annotation-filter=external-dns.alpha.kubernetes.io/controller=<controller>}, checked by ExternalDNS. */
    ANNOTATION(Labels.ANNOTATION_CONTROLLER, "annotation");

    private final String key;
    private final String value;

    Selection(String key, String value) {
      this.key = key;
      this.value = value;
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
   * Where an instance runs relative to its zone's home, as the chart is told: the chart renders
   * {@code --policy=sync} when the zone controller's region is the cluster's region (the zone's home cluster)
   * and {@code upsert-only} otherwise, unless the zone's policy is set explicitly (SPEC §8.2 rule 2).
   *
   * @param clusterRegion {@code externalDns.clusterRegion}: the region of the cluster the instance runs in
   * @param zoneRegion {@code externalDns.zones[].region}: the zone controller's region
   * @param policy {@code externalDns.zones[].policy}: empty to let the chart decide from the regions
   */
  public record Placement(String clusterRegion, String zoneRegion, Optional<Policy> policy) {

    /** The policy set explicitly, no topology (a RegionBound hub's, or a test's that needs none). */
    public static Placement explicit(Policy policy) {
      return new Placement(ANY_REGION, ANY_REGION, Optional.of(policy));
    }
  }

  /**
   * What one instance does.
   *
   * @param controller the controller name ({@code externalDns.zones[].controller}), also the TXT owner id (the
   *     same in every cluster, as in production) and the rendered Deployment's name
   * @param zone the zone written ({@code externalDns.domain}): the rfc2136 zone and the domain filter
   * @param selection label or annotation filter on the controller name
   * @param placement what decides {@code --policy}
   */
  public record Settings(String controller, String zone, Selection selection, Placement placement) {

    /** An instance with an explicit {@code --policy}. */
    public Settings(String controller, String zone, Policy policy, Selection selection) {
      this(controller, zone, selection, Placement.explicit(policy));
    }
  }

  /**
   * The container of the chart's Deployment for one instance, reduced to what a local process takes from it.
   *
   * @param args the container's arguments, in the rendered order
   * @param env its environment variables
   */
  record ChartContainer(List<String> args, List<EnvVar> env) {

    /** The rendered {@code --policy}. */
    Policy policy() {
      List<String> values = args.stream().filter(a -> a.startsWith("--policy=")).map(a -> a.substring(9)).toList();
      if (values.size() != 1) {
        throw new IllegalStateException("the chart rendered " + values.size() + " --policy flags: " + args);
      }
      return Policy.of(values.get(0));
    }

    /** This container writing through a webhook provider instead of the rendered one, without its secrets. */
    ChartContainer throughWebhook(String webhookUrl) {
      List<String> webhookArgs = new ArrayList<>(args.stream()
          .filter(a -> !a.startsWith("--provider=") && !a.startsWith("--rfc2136-")).toList());
      webhookArgs.add("--provider=webhook");
      webhookArgs.add("--webhook-provider-url=" + webhookUrl);
      return new ChartContainer(List.copyOf(webhookArgs), env.stream()
          .filter(variable -> variable.getValueFrom() == null || !isTsigSecret(variable.getValueFrom().getSecretKeyRef()))
          .toList());
    }

    /** The local process's environment: plain values as they are, the TSIG Secret's key as {@code key}'s secret. */
    Map<String, String> environment(TsigKey key) {
      Map<String, String> environment = new LinkedHashMap<>();
      for (EnvVar variable : env) {
        if (variable.getValue() != null) {
          environment.put(variable.getName(), variable.getValue());
        } else if (variable.getValueFrom() != null && isTsigSecret(variable.getValueFrom().getSecretKeyRef())) {
          environment.put(variable.getName(), key.secret());
        } else {
          throw new IllegalStateException("the chart's ExternalDNS container declares " + variable.getName()
              + " from a source a local process cannot read: " + variable.getValueFrom());
        }
      }
      return environment;
    }

    private static boolean isTsigSecret(SecretKeySelector reference) {
      return reference != null && TSIG_SECRET.getName().equals(reference.getName())
          && TSIG_SECRET.getKey().equals(reference.getKey());
    }
  }

  private final ManagedProcess process;
  private final Settings settings;
  private final Policy policy;
  private final String metricsAddress;

  private ExternalDns(ManagedProcess process, Settings settings, Policy policy, String metricsAddress) {
    this.process = process;
    this.settings = settings;
    this.policy = policy;
    this.metricsAddress = metricsAddress;
  }

  /**
   * Renders the chart's ExternalDNS Deployment for {@code settings}, starts ExternalDNS with its arguments
   * against {@code controlPlane} and {@code dns}, and returns after its first completed sync pass. Its log is
   * {@code it-logs/<control plane>/<controller>.log}, the chart values it was rendered with
   * {@code <controller>.values.yaml} beside it.
   */
  public static ExternalDns start(ControlPlane controlPlane, BindServer dns, Settings settings) {
    return start(controlPlane, dns, settings, settings.controller(), container -> container, FIRST_SYNC);
  }

  /**
   * As {@link #start(ControlPlane, BindServer, Settings)}, but ExternalDNS writes through a webhook provider (a
   * zone agent) at {@code webhookUrl}: the chart's {@code --provider=rfc2136} and {@code --rfc2136-*} flags and
   * the TSIG secret are replaced by {@code --provider=webhook --webhook-provider-url=<url>}, as in a pod where
   * the agent sidecar holds the DNS credentials; every other flag is the chart's. Its log is
   * {@code <controller>-webhook.log}, so that it can run beside an in-tree instance of the same controller.
   * Returns once ExternalDNS serves its metrics (it negotiated with the webhook before): its first pass may be
   * refused by the fence (a cluster that does not hold the zone's lease), so it cannot be waited for.
   */
  public static ExternalDns startThroughWebhook(ControlPlane controlPlane, BindServer dns, Settings settings,
      String webhookUrl) {
    return start(controlPlane, dns, settings, settings.controller() + "-webhook",
        container -> container.throughWebhook(webhookUrl), SERVING);
  }

  private static ExternalDns start(ControlPlane controlPlane, BindServer dns, Settings settings, String processName,
      UnaryOperator<ChartContainer> provider, Predicate<String> started) {
    Path logDirectory = TestDirectories.logDirectory(controlPlane.name());
    TsigKey key = dns.tsigKey();
    ChartContainer container = provider.apply(render(settings, dns.port(), key,
        logDirectory.resolve(settings.controller() + ".values.yaml")));
    String metrics = "127.0.0.1:" + FreePorts.tcp();
    List<String> argv = new ArrayList<>();
    argv.add(Binaries.locate().externalDns().toString());
    argv.addAll(container.args());
    // Outside a cluster: the control plane's kubeconfig instead of the in-cluster service account, and metrics
    // on a free local port instead of the container's :7979 (neither is set by the chart).
    argv.add("--kubeconfig=" + controlPlane.kubeconfig());
    argv.add("--metrics-address=" + metrics);
    ManagedProcess process = ManagedProcess.start(processName, argv, container.environment(key),
        logDirectory, StateDirectories.fresh(controlPlane.name() + "-" + processName).resolve("run"));
    process.awaitReady(started.toString(), START_TIMEOUT, () -> started.test(metrics));
    return new ExternalDns(process, settings, container.policy(), metrics);
  }

  /**
   * The container of the Deployment named after the controller that {@code helm template} renders from the
   * chart with the values of {@code settings} (written to {@code valuesFile}); rendered once per distinct
   * values.
   */
  static ChartContainer render(Settings settings, int dnsPort, TsigKey key, Path valuesFile) {
    String values = Json.serialization().asYaml(values(settings, dnsPort, key));
    try {
      Files.writeString(valuesFile, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RENDERED.computeIfAbsent(values, v -> {
      String manifests = HelmChart.locate().template(RELEASE, NAMESPACE,
          List.of("--values", valuesFile.toString(), "--show-only", TEMPLATE));
      Container container = deployment(manifests, settings.controller()).getSpec().getTemplate().getSpec()
          .getContainers().get(0);
      if (container.getCommand() != null && !container.getCommand().isEmpty()) {
        throw new IllegalStateException("the chart's ExternalDNS container sets a command, which a local process "
            + "cannot run: " + container.getCommand());
      }
      if (container.getArgs().stream()
          .anyMatch(a -> a.startsWith("--kubeconfig") || a.startsWith("--metrics-address"))) {
        throw new IllegalStateException("the chart's ExternalDNS arguments set what ExternalDns adds for a local "
            + "process (--kubeconfig, --metrics-address): " + container.getArgs());
      }
      return new ChartContainer(List.copyOf(container.getArgs()),
          container.getEnv() == null ? List.of() : List.copyOf(container.getEnv()));
    });
  }

  /** The chart values of one instance: ExternalDNS on, one zone, rfc2136 on the local BIND server. */
  private static Map<String, Object> values(Settings settings, int dnsPort, TsigKey key) {
    Map<String, Object> rfc2136 = new LinkedHashMap<>();
    rfc2136.put("host", "127.0.0.1");
    rfc2136.put("port", dnsPort);
    rfc2136.put("tsigKeyName", key.name());
    rfc2136.put("tsigSecretAlg", key.algorithm());
    rfc2136.put("tsigSecret", Map.of("name", TSIG_SECRET.getName(), "key", TSIG_SECRET.getKey()));
    Placement placement = settings.placement();
    Map<String, Object> zone = new LinkedHashMap<>();
    zone.put("controller", settings.controller());
    zone.put("region", placement.zoneRegion());
    placement.policy().ifPresent(policy -> zone.put("policy", policy.value));
    zone.put("provider", Map.of("rfc2136", rfc2136));
    Map<String, Object> externalDns = new LinkedHashMap<>();
    externalDns.put("enabled", true);
    externalDns.put("clusterRegion", placement.clusterRegion());
    externalDns.put("domain", settings.zone());
    externalDns.put("interval", INTERVAL);
    externalDns.put("events", EVENTS);
    externalDns.put("selection", settings.selection().value);
    externalDns.put("zones", List.of(zone));
    return Map.of("externalDns", externalDns);
  }

  private static Deployment deployment(String manifests, String name) {
    for (String document : manifests.split("(?m)^---\\s*$")) {
      GenericKubernetesResource object = Json.read(document, GenericKubernetesResource.class);
      if (object != null && "Deployment".equals(object.getKind()) && name.equals(object.getMetadata().getName())) {
        return Json.convert(object, Deployment.class);
      }
    }
    throw new IllegalStateException("the chart rendered no Deployment " + name + ":\n" + manifests);
  }

  /** What this instance does. */
  public Settings settings() {
    return settings;
  }

  /** The {@code --policy} the chart rendered for this instance. */
  public Policy policy() {
    return policy;
  }

  /** The operating system's process id. */
  public long pid() {
    return process.pid();
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

  /** Whether the process is still running (ExternalDNS exits on a hard provider error). */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops ExternalDNS (a "cluster failure" for the zone, as far as DNS goes). */
  @Override
  public void close() {
    process.stop();
  }

  private static Predicate<String> named(String name, Predicate<String> predicate) {
    return new Predicate<>() {
      @Override
      public boolean test(String metricsAddress) {
        return predicate.test(metricsAddress);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static double lastSync(String metricsAddress) {
    return LocalHttp.get("http://" + metricsAddress + "/metrics")
        .map(LAST_SYNC::matcher).filter(Matcher::find).map(m -> Double.parseDouble(m.group(1))).orElse(0.0);
  }
}
