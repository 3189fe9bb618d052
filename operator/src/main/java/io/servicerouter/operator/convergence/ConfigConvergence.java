package io.servicerouter.operator.convergence;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ConvergenceRecord;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.routing.ServiceRoute;
import io.servicerouter.operator.cache.DeletionHandler;
import io.servicerouter.operator.cache.KindCache;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.planner.AffectedRoutes;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Snapshot;
import io.servicerouter.planner.SnapshotWithConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The convergence of SPEC §7.2: when the leader observes a new generation of a ClusterIdentity or
 * DNSConfiguration (or one added or deleted, which may change the authoritative one), the routes whose desired
 * outputs differ between the inputs before and after are waited for; the convergence closes when each has
 * completed a successful reconcile that saw the change, and its duration becomes
 * {@code servicerouter_config_convergence_seconds{source}}. A further change while one is open adds its
 * routes to the open one, which keeps its start time.
 *
 * <p>The leader stores each convergence it opens and closes in the authoritative object's
 * {@code status.convergence} ({@link ConvergenceRecords}). A replica that becomes leader (or the same one after a
 * crash) reads it: an open record, or one of an older generation than the object's, means the records may not
 * follow the spec yet, so it reopens the convergence (keeping the stored start when the generation is the same)
 * and waits for every route to complete a reconcile that saw the current configuration. So the in-progress gauge
 * never reads 0 on a leader while a change is still being written.
 */
public final class ConfigConvergence {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigConvergence.class);

  /** What changed: the label {@code source} of the metrics. */
  public enum Source {
    /** A ClusterIdentity. */
    CLUSTERIDENTITY,
    /** A DNSConfiguration. */
    DNSCONFIGURATION;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    Collection<? extends HasMetadata> objects(Snapshot snapshot) {
      return this == CLUSTERIDENTITY ? snapshot.clusterIdentities() : snapshot.dnsConfigurations();
    }
  }

  /** A change seen by some route reconciles already: the uid and its new revision (null when deleted). */
  private record Change(String uid, Long revision) {}

  private static final class Open {
    final Instant start;
    final List<Change> changes = new ArrayList<>();
    final Set<ObjectKey> pending = new HashSet<>();

    Open(Instant start) {
      this.start = start;
    }
  }

  private final SharedCaches caches;
  private final Supplier<Snapshot> snapshots;
  private final Options options;
  private final Clock clock;
  private final BooleanSupplier leader;
  private final ConvergenceRecords records;
  private final MeterRegistry registry;
  private final Map<Source, Open> open = new EnumMap<>(Source.class);
  private final Map<Source, Double> lastSeconds = new EnumMap<>(Source.class);
  private final Map<ObjectKey, ConfigVersions> lastSeen = new HashMap<>();

  /**
   * A tracker over the caches, registering its gauges in {@code registry}.
   *
   * @param snapshots the planner's view of the caches now
   * @param clock the clock of start times and durations (wall time: a convergence may outlive a leader)
   * @param leader whether this instance leads (only the leader tracks)
   * @param records where the leader stores what it opens and closes
   */
  public ConfigConvergence(SharedCaches caches, Supplier<Snapshot> snapshots, Options options, Clock clock,
      BooleanSupplier leader, ConvergenceRecords records, MeterRegistry registry) {
    this.caches = caches;
    this.snapshots = snapshots;
    this.options = options;
    this.clock = clock;
    this.leader = leader;
    this.records = records;
    this.registry = registry;
    for (Source source : Source.values()) {
      Gauge.builder("servicerouter.config.convergence.in.progress", this, t -> t.inProgress(source) ? 1 : 0)
          .tag("source", source.label()).description("1 while a convergence is open, else 0").register(registry);
    }
  }

  /**
   * Starts listening to the ClusterIdentity and DNSConfiguration caches (which must have synced: the objects
   * there now are the starting point, not changes) and to route deletions.
   */
  public void start() {
    caches.clusterIdentities().addEventHandler(new ConfigHandler<>(Source.CLUSTERIDENTITY, caches.clusterIdentities(),
        (now, previous) -> new SnapshotWithConfiguration(now, previous, now.dnsConfigurations())));
    caches.dnsConfigurations().addEventHandler(new ConfigHandler<>(Source.DNSCONFIGURATION, caches.dnsConfigurations(),
        (now, previous) -> new SnapshotWithConfiguration(now, now.clusterIdentities(), previous)));
    caches.routes().addEventHandler(new DeletionHandler<ServiceRoute>(route -> routeDeleted(ObjectKey.of(route))));
  }

  /**
   * Takes over as leader: for each source whose authoritative object's stored convergence is open, or older than
   * its generation, reopens it; every route that has not yet completed a reconcile that saw the configuration
   * now is waited for. A completed record gives the duration gauge its value. Call once the caches synced.
   */
  public synchronized void leading() {
    Snapshot snapshot = snapshots.get();
    for (Source source : Source.values()) {
      if (!open.containsKey(source)) {
        authoritative(source, snapshot).ifPresent(object -> resume(source, object));
      }
    }
  }

  private void resume(Source source, HasMetadata object) {
    long generation = generation(object);
    Optional<ConvergenceRecord> record = ConvergenceRecords.stored(object)
        .filter(stored -> Objects.equals(stored.getGeneration(), generation));
    if (record.map(ConvergenceRecord::getCompletionTime).isPresent()) {
      setLastSeconds(source, seconds(Instant.parse(record.get().getStartTime()),
          Instant.parse(record.get().getCompletionTime())));
      return;
    }
    Open convergence = new Open(record.map(ConvergenceRecord::getStartTime).map(Instant::parse).orElse(clock.instant()));
    convergence.changes.add(new Change(object.getMetadata().getUid(), ConfigVersions.revision(object)));
    for (ServiceRoute route : caches.routes().list()) {
      ObjectKey key = ObjectKey.of(route);
      ConfigVersions seen = lastSeen.get(key);
      if (seen == null || !sawAll(seen, convergence.changes)) {
        convergence.pending.add(key);
      }
    }
    open.put(source, convergence);
    LOG.info("convergence of {} resumed from the stored state (generation {}): {} routes still to reconcile",
        source.label(), generation, convergence.pending.size());
    store(source, convergence, null);
    closeIfDone(source, convergence);
  }

  /** The configuration versions in the caches now: what a reconcile starting now sees. */
  public ConfigVersions versionsNow() {
    List<HasMetadata> objects = new ArrayList<>(caches.clusterIdentities().list());
    objects.addAll(caches.dnsConfigurations().list());
    return ConfigVersions.of(objects);
  }

  /** Records a successful reconcile of a route that started having seen {@code seen}. */
  public synchronized void routeReconciled(ObjectKey route, ConfigVersions seen) {
    lastSeen.put(route, seen);
    for (Source source : Source.values()) {
      Open convergence = open.get(source);
      if (convergence != null && convergence.pending.contains(route) && sawAll(seen, convergence.changes)) {
        convergence.pending.remove(route);
        closeIfDone(source, convergence);
      }
    }
  }

  /** Whether a convergence of {@code source} is open. */
  public synchronized boolean inProgress(Source source) {
    return open.containsKey(source);
  }

  /** The duration of the last completed convergence of {@code source}, if one completed. */
  public synchronized OptionalDouble lastSeconds(Source source) {
    Double seconds = lastSeconds.get(source);
    return seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds);
  }

  /** Opens (or extends) a convergence for a change of {@code uid} to {@code revision} (null: deleted). */
  synchronized void observed(Source source, String uid, Long revision, Snapshot before, Snapshot after,
      boolean authoritative) {
    if (!leader.getAsBoolean()) {
      return;
    }
    Set<ObjectKey> affected = AffectedRoutes.between(before, after, options);
    if (affected.isEmpty() && !authoritative) {
      return;
    }
    Open convergence = open.computeIfAbsent(source, s -> new Open(clock.instant()));
    Change change = new Change(uid, revision);
    convergence.changes.add(change);
    for (ObjectKey route : affected) {
      ConfigVersions seen = lastSeen.get(route);
      if (seen == null || !sawAll(seen, convergence.changes)) {
        convergence.pending.add(route);
      }
    }
    LOG.info("convergence of {} opened: {} routes affected, {} still to reconcile", source.label(), affected.size(),
        convergence.pending.size());
    store(source, convergence, null);
    closeIfDone(source, convergence);
  }

  private synchronized void routeDeleted(ObjectKey route) {
    lastSeen.remove(route);
    open.forEach((source, convergence) -> convergence.pending.remove(route));
    new ArrayList<>(open.entrySet()).forEach(entry -> closeIfDone(entry.getKey(), entry.getValue()));
  }

  private void closeIfDone(Source source, Open convergence) {
    if (!convergence.pending.isEmpty()) {
      return;
    }
    Instant end = clock.instant();
    double seconds = seconds(convergence.start, end);
    open.remove(source);
    setLastSeconds(source, seconds);
    store(source, convergence, end);
    LOG.info("convergence of {} completed in {} s", source.label(), String.format(Locale.ROOT, "%.3f", seconds));
  }

  private void setLastSeconds(Source source, double seconds) {
    if (lastSeconds.put(source, seconds) == null) {
      Gauge.builder("servicerouter.config.convergence.seconds", this, t -> t.lastSeconds(source).orElse(Double.NaN))
          .tag("source", source.label()).description("duration of the last completed convergence")
          .register(registry);
    }
  }

  /**
   * Stores the convergence (completed at {@code end}, or open if null) on the source's authoritative object: the
   * record names the generation it now holds, whose changes the convergence includes or will include.
   */
  private void store(Source source, Open convergence, Instant end) {
    authoritative(source, snapshots.get()).ifPresent(object -> records.store(object,
        ConvergenceRecord.of(generation(object), convergence.start.toString(), end == null ? null : end.toString())));
  }

  private static Optional<HasMetadata> authoritative(Source source, Snapshot snapshot) {
    return source.objects(snapshot).stream().<HasMetadata>map(object -> object).min(snapshot.age());
  }

  private static long generation(HasMetadata object) {
    Long generation = object.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  private static double seconds(Instant start, Instant end) {
    return Duration.between(start, end).toNanos() / 1e9;
  }

  private static boolean sawAll(ConfigVersions seen, List<Change> changes) {
    return changes.stream().allMatch(change -> seen.include(change.uid(), change.revision()));
  }

  /** Turns cache events of one configuration kind into observations, with the inputs before the change. */
  private final class ConfigHandler<T extends HasMetadata> implements ResourceEventHandler<T> {

    private final Source source;
    private final KindCache<T> cache;
    private final BiFunction<Snapshot, List<T>, Snapshot> withPrevious;
    private final Set<String> initial = new HashSet<>();

    ConfigHandler(Source source, KindCache<T> cache, BiFunction<Snapshot, List<T>, Snapshot> withPrevious) {
      this.source = source;
      this.cache = cache;
      this.withPrevious = withPrevious;
      cache.list().forEach(object -> initial.add(object.getMetadata().getUid()));
    }

    @Override
    public void onAdd(T object) {
      if (initial.remove(object.getMetadata().getUid())) {
        return;
      }
      List<T> previous = new ArrayList<>(cache.list());
      previous.removeIf(each -> sameObject(each, object));
      observe(object, ConfigVersions.revision(object), previous);
    }

    @Override
    public void onUpdate(T before, T after) {
      if (Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())) {
        return;
      }
      List<T> previous = new ArrayList<>(cache.list());
      previous.replaceAll(each -> sameObject(each, after) ? before : each);
      observe(after, ConfigVersions.revision(after), previous);
    }

    @Override
    public void onDelete(T object, boolean deletedFinalStateUnknown) {
      List<T> previous = new ArrayList<>(cache.list());
      previous.removeIf(each -> sameObject(each, object));
      previous.add(object);
      observe(object, null, previous);
    }

    private void observe(T changed, Long revision, List<T> previous) {
      Snapshot now = snapshots.get();
      Snapshot before = withPrevious.apply(now, previous);
      List<T> current = cache.list();
      boolean authoritative = isOldest(changed, previous, now) || isOldest(changed, current, now);
      observed(source, changed.getMetadata().getUid(), revision, before, now, authoritative);
    }

    private boolean isOldest(T changed, List<T> objects, Snapshot snapshot) {
      return objects.stream().min(snapshot.age()).filter(oldest -> sameObject(oldest, changed)).isPresent();
    }

    private boolean sameObject(HasMetadata a, HasMetadata b) {
      return Objects.equals(a.getMetadata().getUid(), b.getMetadata().getUid());
    }
  }
}
