package io.servicerouter.operator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.servicerouter.model.BuildVersion;
import io.servicerouter.model.Json;
import io.servicerouter.operator.cache.WatchScope;
import io.servicerouter.operator.logging.Logging;
import io.servicerouter.planner.AddressRecordsMode;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.Options;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code servicerouter operator} (SPEC §7.1): checks the CRDs, serves health and metrics, syncs the shared
 * caches and runs the controllers until SIGTERM (or SIGINT), then stops them, releasing the Lease, and exits 0.
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
    description = "Run the Service Router operator against a Kubernetes cluster.")
public final class OperatorCommand implements Callable<Integer> {

  private static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  @Option(names = "--kubeconfig", paramLabel = "PATH",
      description = "Kubeconfig file (default: in-cluster config, else $KUBECONFIG, else ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--watch-namespaces", split = ",", paramLabel = "NS",
      description = "Restrict DNSPolicies, ServiceRoutes, Gateways and route DNSEndpoints to these namespaces.")
  List<String> watchNamespaces = new ArrayList<>();

  @Option(names = {"--default-gateway-namespace", "--default-router-gateway-namespace"}, paramLabel = "NS",
      defaultValue = "istio-system", description = "Namespace of a ServiceRoute's Gateway when gatewayNamespace is empty.")
  String defaultGatewayNamespace;

  @Option(names = "--address-records", paramLabel = "all|active|off", defaultValue = "active",
      description = "Which zones get the Gateways' address records (SPEC 3.9).")
  String addressRecords;

  @Option(names = "--dnsendpoint-layout", paramLabel = "namespace|route", defaultValue = "namespace",
      description = "Route records grouped in one DNSEndpoint per namespace and controller (SPEC 4.6), or one"
          + " DNSEndpoint per route and controller (SPEC 4.2).")
  String dnsEndpointLayout;

  @Option(names = "--max-concurrent-reconciles", paramLabel = "N", defaultValue = "4",
      description = "Reconcile workers (at least 1).")
  int maxConcurrentReconciles;

  @Option(names = "--leader-elect", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Use leader election through a coordination.k8s.io/v1 Lease.")
  boolean leaderElect;

  @Option(names = "--leader-election-id", paramLabel = "NAME", defaultValue = "3afd9a04.router.io",
      description = "Lease name.")
  String leaderElectionId;

  @Option(names = "--leader-election-namespace", paramLabel = "NS",
      description = "Lease namespace (default: $POD_NAMESPACE, else the service-account namespace, else default).")
  String leaderElectionNamespace;

  @Option(names = "--metrics-bind-address", paramLabel = "ADDR", defaultValue = ":8080",
      description = "Address of /metrics; 0 disables it.")
  String metricsBindAddress;

  @Option(names = "--health-probe-bind-address", paramLabel = "ADDR", defaultValue = ":8081",
      description = "Address of /healthz and /readyz; 0 disables them.")
  String healthProbeBindAddress;

  @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
      description = "trace, debug, info, warn or error.")
  String logLevel;

  @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
      description = "Log format: text, or json (one object per line).")
  String logFormat;

  @Spec
  CommandSpec spec;

  private volatile OperatorRuntime runtime;

  @Override
  @SuppressWarnings("try") // the HTTP servers only need to live as long as the try block
  public Integer call() throws Exception {
    OperatorSettings settings = settings();
    Logging.configure(logLevel, "json".equals(logFormat), System.err);
    Logger log = LoggerFactory.getLogger(OperatorCommand.class);
    OperatorMetrics metrics = new OperatorMetrics(BuildVersion.current());
    CountDownLatch stopped = new CountDownLatch(1);
    try (KubernetesClient client = client();
        AutoCloseable health = healthServer();
        AutoCloseable metricsServer = metricsServer(metrics)) {
      Optional<CrdCheck.Required> missing = new CrdCheck(client).firstMissing();
      if (missing.isPresent()) {
        log.error("required CRD {} is not served; install it and restart", missing.get());
        return 1;
      }
      Signal.handle(new Signal("TERM"), signal -> stopped.countDown());
      Signal.handle(new Signal("INT"), signal -> stopped.countDown());
      try (OperatorRuntime running = OperatorRuntime.start(client, settings, metrics, Clock.systemUTC())) {
        runtime = running;
        stopped.await();
        log.info("stopping on signal");
      }
    }
    return 0;
  }

  /** The runtime options, validated. */
  OperatorSettings settings() {
    if (maxConcurrentReconciles < 1) {
      throw new ParameterException(spec.commandLine(), "--max-concurrent-reconciles must be at least 1");
    }
    if (!List.of("trace", "debug", "info", "warn", "error").contains(logLevel)) {
      throw new ParameterException(spec.commandLine(), "--log-level must be trace, debug, info, warn or error: " + logLevel);
    }
    if (!List.of("text", "json").contains(logFormat)) {
      throw new ParameterException(spec.commandLine(), "--log-format must be text or json: " + logFormat);
    }
    if (!List.of("all", "active", "off").contains(addressRecords)) {
      throw new ParameterException(spec.commandLine(), "--address-records must be all, active or off: " + addressRecords);
    }
    if (!List.of("namespace", "route").contains(dnsEndpointLayout)) {
      throw new ParameterException(spec.commandLine(), "--dnsendpoint-layout must be namespace or route: " + dnsEndpointLayout);
    }
    Options options = new Options(defaultGatewayNamespace, AddressRecordsMode.parse(addressRecords),
        DnsEndpointLayout.parse(dnsEndpointLayout));
    Optional<OperatorSettings.Lease> lease = leaderElect
        ? Optional.of(new OperatorSettings.Lease(leaderElectionId, leaseNamespace()))
        : Optional.empty();
    return new OperatorSettings(new WatchScope(watchNamespaces), options, maxConcurrentReconciles, lease);
  }

  private String leaseNamespace() {
    if (leaderElectionNamespace != null) {
      return leaderElectionNamespace;
    }
    String pod = System.getenv("POD_NAMESPACE");
    if (pod != null && !pod.isEmpty()) {
      return pod;
    }
    try {
      return Files.isReadable(SERVICE_ACCOUNT_NAMESPACE) ? Files.readString(SERVICE_ACCOUNT_NAMESPACE).trim() : "default";
    } catch (IOException e) {
      return "default";
    }
  }

  private KubernetesClient client() throws IOException {
    KubernetesClientBuilder builder = new KubernetesClientBuilder().withKubernetesSerialization(Json.serialization());
    if (kubeconfig != null) {
      builder.withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)));
    }
    return builder.build();
  }

  private AutoCloseable metricsServer(OperatorMetrics metrics) throws IOException {
    return serve(metricsBindAddress, address -> ProbeServer.metrics(address, metrics::scrape));
  }

  private AutoCloseable healthServer() throws IOException {
    return serve(healthProbeBindAddress, address -> ProbeServer.health(address, this::healthy, this::ready));
  }

  /** A server on {@code bindAddress}, or nothing when it is {@code 0} (for both ports, as in controller-runtime). */
  private static AutoCloseable serve(String bindAddress, ServerFactory factory) throws IOException {
    Optional<InetSocketAddress> address = BindAddress.parse(bindAddress);
    return address.isPresent() ? factory.start(address.get()) : () -> { };
  }

  /** Starts one of the HTTP servers on an address. */
  @FunctionalInterface
  private interface ServerFactory {
    ProbeServer start(InetSocketAddress address) throws IOException;
  }

  private boolean healthy() {
    OperatorRuntime running = runtime;
    return running == null || running.healthy();
  }

  private boolean ready() {
    OperatorRuntime running = runtime;
    return running != null && running.ready();
  }
}
