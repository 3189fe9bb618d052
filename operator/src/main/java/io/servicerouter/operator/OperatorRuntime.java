package io.servicerouter.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.servicerouter.model.Labels;
import io.servicerouter.operator.addressrecords.AddressRecordsReconciler;
import io.servicerouter.operator.cache.CacheSnapshot;
import io.servicerouter.operator.cache.LeanItemStore;
import io.servicerouter.operator.cache.SchemaProblemCache;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.cache.SharedInformerClient;
import io.servicerouter.operator.clusteridentity.ClusterIdentityReconciler;
import io.servicerouter.operator.convergence.ConfigConvergence;
import io.servicerouter.operator.convergence.StatusPatchRecords;
import io.servicerouter.operator.dnsconfiguration.DNSConfigurationReconciler;
import io.servicerouter.operator.dnspolicy.DNSPolicyReconciler;
import io.servicerouter.operator.gateway.GatewayReconciler;
import io.servicerouter.operator.orphans.OrphanedDnsEndpointReconciler;
import io.servicerouter.operator.orphans.OrphanedIstioGatewayReconciler;
import io.servicerouter.operator.reconcile.EventRecorder;
import io.servicerouter.operator.reconcile.GeneratedObjects;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.StatusFactory;
import io.servicerouter.operator.reconcile.StatusWriter;
import io.servicerouter.operator.serviceroute.ServiceRouteReconciler;
import io.servicerouter.operator.zonelease.FailoverLoop;
import io.servicerouter.operator.zonelease.ZoneAgentClient;
import io.servicerouter.operator.zonelease.ZoneLeaseReconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator: the shared caches (started and synced first, SPEC §3.1), then one JOSDK controller
 * per primary kind over them plus the orphan collectors of generated objects, with optional leader election (SPEC §7.1 durations: 15 s lease, 10 s renew
 * deadline, 2 s retry; a leader that loses its Lease, other than by stopping, exits with status 1).
 */
public final class OperatorRuntime implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(5);
  /**
   * A failed reconcile is retried until it succeeds (JOSDK's default gives up after 5 attempts and then waits for
   * the next event, which may never come): after 1 s, doubling up to 1 minute between attempts.
   */
  private static final GenericRetry RETRY = new GenericRetry().withoutMaxAttempts().setInitialInterval(1000)
      .setIntervalMultiplier(2).setMaxInterval(60_000);
  /**
   * Every primary is re-checked at least this often even without events, so that a missed event (a watch gap)
   * or an outside change the informers do not show cannot leave it wrong for long. Idle re-checks write nothing.
   */
  static final Duration RECHECK_INTERVAL = Duration.ofMinutes(10);

  private final KubernetesClient client;
  private final OperatorSettings settings;
  private final String identity;
  private final SharedCaches caches;
  private final Operator operator;
  private final AtomicBoolean stopping;
  private final StatusPatchRecords records;
  private final FailoverLoop failover;

  private OperatorRuntime(KubernetesClient client, OperatorSettings settings, String identity, SharedCaches caches,
      Operator operator, AtomicBoolean stopping, StatusPatchRecords records, FailoverLoop failover) {
    this.records = records;
    this.failover = failover;
    this.client = client;
    this.settings = settings;
    this.identity = identity;
    this.caches = caches;
    this.operator = operator;
    this.stopping = stopping;
  }

  /**
   * Starts the caches, waits for them to sync, then starts the controllers.
   *
   * @param client the API server connection (not closed by the runtime)
   * @param settings the resolved options
   * @param metrics where reconciles and leadership are counted
   * @param clock the time of condition transitions and of convergence records
   */
  public static OperatorRuntime start(KubernetesClient client, OperatorSettings settings, OperatorMetrics metrics,
      Clock clock) throws Exception {
    return start(client, settings, metrics, clock, System::nanoTime);
  }

  /**
   * {@link #start(KubernetesClient, OperatorSettings, OperatorMetrics, Clock)} with the monotonic clock automatic
   * failover times heartbeats with (a test skews it: offset and rate).
   */
  public static OperatorRuntime start(KubernetesClient client, OperatorSettings settings, OperatorMetrics metrics,
      Clock clock, LongSupplier nanoTime) throws Exception {
    SchemaProblemCache problems = SchemaProblemCache.compilingInBackground();
    SharedCaches caches = SharedCaches.create(client, settings.scope(), settings.options());
    caches.forgetDeleted(problems);
    caches.startAndAwaitSync(SYNC_TIMEOUT);
    problems.awaitSchemas();
    EventRecorder events = new EventRecorder(client, clock);
    StatusPatchRecords records = new StatusPatchRecords(client);
    ConfigConvergence convergence = new ConfigConvergence(caches, () -> new CacheSnapshot(caches, problems),
        settings.options(), clock, metrics::isLeader, records, metrics.registry());
    convergence.start();
    OperatorContext context = new OperatorContext(caches, problems, settings.options(),
        new StatusWriter(client, new StatusFactory(clock), events), new GeneratedObjects(client), events, metrics,
        convergence);
    metrics.beforeScrape(new CacheGauges(context, metrics.registry()));
    AtomicBoolean stopping = new AtomicBoolean();
    String identity = identity();
    Runnable leading = () -> {
      metrics.leader(true);
      convergence.leading();
    };
    Operator operator = new Operator(configuration(SharedInformerClient.of(client, caches), settings, metrics, leading,
        stopping, identity));
    operator.register(new ClusterIdentityReconciler(context), named(ClusterIdentityReconciler.KIND));
    operator.register(new DNSConfigurationReconciler(context), named(DNSConfigurationReconciler.KIND));
    ZoneAgentClient agents = new ZoneAgentClient();
    operator.register(new ZoneLeaseReconciler(context, client, agents), named(ZoneLeaseReconciler.KIND));
    operator.register(new DNSPolicyReconciler(context), scoped(DNSPolicyReconciler.KIND, settings));
    operator.register(new GatewayReconciler(context), scoped(GatewayReconciler.KIND, settings));
    operator.register(new ServiceRouteReconciler(context), scoped(ServiceRouteReconciler.KIND, settings));
    operator.register(new AddressRecordsReconciler(context),
        OperatorRuntime.<Service>named(AddressRecordsReconciler.KIND).andThen(o -> o.withLabelSelector(SharedCaches.ISTIO_LABEL)));
    operator.register(new OrphanedDnsEndpointReconciler(caches, context.generated()),
        generatedObjects(OrphanedDnsEndpointReconciler.NAME, settings));
    operator.register(new OrphanedIstioGatewayReconciler(caches, context.generated()),
        generatedObjects(OrphanedIstioGatewayReconciler.NAME, settings));
    operator.start();
    releaseIdleStartThreads(operator);
    FailoverLoop failover = new FailoverLoop(context, client, agents, metrics::isLeader, nanoTime, clock);
    failover.start();
    LOG.info("operator started: {} controllers, {}", operator.getRegisteredControllersNumber(),
        settings.leaderElection().map(lease -> "leader election on Lease " + lease).orElse("no leader election"));
    return new OperatorRuntime(client, settings, identity, caches, operator, stopping, records, failover);
  }

  private static Consumer<ConfigurationServiceOverrider> configuration(KubernetesClient client,
      OperatorSettings settings, OperatorMetrics metrics, Runnable leading, AtomicBoolean stopping, String identity) {
    return o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withResourceCloner(new ReadOnlyPrimaries())
          .checkingCRDAndValidateLocalModel(false)
          .withConcurrentReconciliationThreads(settings.maxConcurrentReconciles())
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(metrics.registry()));
      settings.leaderElection().ifPresentOrElse(
          lease -> o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(lease.name(), lease.namespace(),
              Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2), identity,
              new LeaderCallbacks(leading, () -> lostLease(metrics, stopping), leader -> { }), false)),
          leading);
    };
  }

  /**
   * JOSDK starts the controllers and their event sources on a cached thread pool that keeps an idle thread for a
   * minute: ~27 threads after a start, whose touched stacks are ~3 MiB of the RSS. From now on an idle one goes
   * after a second; JOSDK's later uses of the pool (stopping, gaining leadership) make new ones.
   */
  private static void releaseIdleStartThreads(Operator operator) {
    startPool(operator).setKeepAliveTime(1, TimeUnit.SECONDS);
  }

  private static ThreadPoolExecutor startPool(Operator operator) {
    return (ThreadPoolExecutor) operator.getConfigurationService().getExecutorServiceManager().cachingExecutorService();
  }

  /** The threads of JOSDK's start pool alive now (for the test that they do not outlive the start). */
  int startPoolThreads() {
    return startPool(operator).getPoolSize();
  }

  /** {@code <hostname>_<uuid>}, unique per process like controller-runtime's leader identities. */
  private static String identity() {
    String host = System.getenv("HOSTNAME");
    return (host == null || host.isBlank() ? "servicerouter" : host) + "_" + UUID.randomUUID();
  }

  /** A leader that loses its Lease exits with status 1 (SPEC §7.1); releasing it on SIGTERM is no loss. */
  private static void lostLease(OperatorMetrics metrics, AtomicBoolean stopping) {
    metrics.leader(false);
    if (!stopping.get()) {
      LOG.error("lost the leader election Lease; exiting");
      System.exit(1);
    }
  }

  /**
   * The controller's name and the retry policy and re-check interval every controller has. Its informer of
   * primaries is the shared caches' one of the same watch ({@link SharedInformerClient}).
   */
  private static <P extends HasMetadata> Consumer<ControllerConfigurationOverrider<P>> named(String kind) {
    return o -> o.withName(kind).withRetry(RETRY).withReconciliationMaxInterval(RECHECK_INTERVAL);
  }

  /** {@link #named} for namespaced primaries: watched in the operator's namespaces. */
  private static <P extends HasMetadata> Consumer<ControllerConfigurationOverrider<P>> scoped(String kind,
      OperatorSettings settings) {
    return OperatorRuntime.<P>named(kind).andThen(o -> {
      if (!settings.scope().all()) {
        o.settingNamespaces(new HashSet<>(settings.scope().namespaces()));
      }
    });
  }

  /**
   * The orphan collectors' primaries: the generated objects, selected by the managed-by label, which no shared
   * informer watches (those see foreign objects too). Their own informer keeps metadata only, which is all the
   * collectors read. With a namespace list JOSDK builds one informer per namespace from the one configuration, so
   * they would share the store instance (and a relist of one could drop the others' objects): there JOSDK keeps its
   * default stores.
   */
  private static <P extends HasMetadata> Consumer<ControllerConfigurationOverrider<P>> generatedObjects(String name,
      OperatorSettings settings) {
    return OperatorRuntime.<P>scoped(name, settings).andThen(o -> {
      o.withLabelSelector(Labels.MANAGED_BY + "=" + Labels.OPERATOR_NAME);
      if (settings.scope().all()) {
        o.withItemStore(LeanItemStore.metadataOnly());
      }
    });
  }

  /** The configurations of the registered controllers (for tests of the retry and re-check policy). */
  List<ControllerConfiguration<?>> controllerConfigurations() {
    return operator.getRuntimeInfo().getRegisteredControllers().stream()
        .<ControllerConfiguration<?>>map(RegisteredController::getConfiguration).toList();
  }

  /** Whether every cache has synced (with the CRD check, what {@code /readyz} reports). */
  public boolean ready() {
    return caches.synced();
  }

  /**
   * Whether event processing is alive (what {@code /healthz} reports): JOSDK's event sources are healthy and no
   * shared informer has stopped. A watch that is reconnecting still counts as alive (the informer retries it
   * forever); a stopped informer never recovers and leaves the caches stale, so the pod must be restarted.
   */
  public boolean healthy() {
    return operator.getRuntimeInfo().allEventSourcesAreHealthy() && caches.running();
  }

  /** Stops the controllers, releases the Lease if held, and stops the caches. */
  @Override
  public void close() {
    stopping.set(true);
    failover.close();
    operator.stop();
    records.close();
    settings.leaderElection().ifPresent(lease -> LeaseRelease.release(client, lease, identity));
    caches.close();
  }
}
