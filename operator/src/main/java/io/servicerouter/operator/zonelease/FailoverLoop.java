package io.servicerouter.operator.zonelease;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.servicerouter.failover.Timing;
import io.servicerouter.failover.ZoneWatch;
import io.servicerouter.failover.ZoneWatch.Action;
import io.servicerouter.failover.ZoneWatch.Decision;
import io.servicerouter.failover.ZoneWatch.State;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseOp;
import io.servicerouter.model.cluster.AdoptedRegion;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.model.cluster.DNSConfiguration;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.model.cluster.FailoverRegion;
import io.servicerouter.model.cluster.FailoverSpec;
import io.servicerouter.model.cluster.ZoneLeaseStatus;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.operator.reconcile.Transitions;
import io.servicerouter.planner.Evaluation;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic failover's shell (issue 15): every half renew interval, while this operator leads and the available
 * DNSConfiguration's {@code spec.failover.mode} is Automatic, it reads each fenced zone's records through this
 * cluster's zone agent, asks the zone's {@link ZoneWatch} what to do, and does it (renew, take over, claim). It
 * stores the regions this cluster serves by takeover in ClusterIdentity {@code status.adoptedRegions} (the planner
 * serves them; the planner's FailoverStarted/FailoverEnded Events follow, marked automatic), each zone's state in
 * DNSConfiguration {@code status.zones}, one Event per transition on the ClusterIdentity ({@code ZoneSuspect},
 * {@code ZoneTakenOver}, {@code ZoneTakeoverLost}, {@code HandbackRequested}, {@code HandbackCompleted},
 * {@code ZoneDeposed}, {@code ZoneReclaimed}), and the failover metrics. The monotonic clock is injected, so tests can skew it.
 */
public final class FailoverLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FailoverLoop.class);
  /** How often the loop looks for a configuration while failover is not automatic. */
  private static final Duration IDLE = Duration.ofMillis(500);

  private final OperatorContext context;
  private final KubernetesClient writer;
  private final ZoneAgents agents;
  private final BooleanSupplier leading;
  private final LongSupplier nanoTime;
  private final Clock clock;
  private final ZoneStatusStore store;
  private final ControlPlaneCheck controlPlane;
  private final GatewayProbes probes;
  private final FailoverMetrics metrics;
  private final ZoneLeaseMetrics roles;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "failover-loop");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, ZoneWatch> watches = new HashMap<>();
  private final Map<String, Decision> last = new HashMap<>();
  /** Per controller, the last look that succeeded: its status entry and, while served, the adopted epoch. */
  private final Map<String, Looked> lastLooked = new HashMap<>();
  private final Map<String, Long> suspectSince = new HashMap<>();
  private Timing timing;

  /**
   * @param context the operator's caches, options, events and metrics
   * @param writer the client that patches statuses and checks the API server
   * @param agents this cluster's zone agents
   * @param leading whether this operator process leads (only the leader acts)
   * @param nanoTime this cluster's monotonic clock ({@link System#nanoTime} outside tests)
   * @param clock the wall clock of {@code status.adoptedRegions[].since}
   */
  public FailoverLoop(OperatorContext context, KubernetesClient writer, ZoneAgents agents, BooleanSupplier leading,
      LongSupplier nanoTime, Clock clock) {
    this.context = context;
    this.writer = writer;
    this.agents = agents;
    this.leading = leading;
    this.nanoTime = nanoTime;
    this.clock = clock;
    this.store = new ZoneStatusStore(writer, context.caches());
    this.controlPlane = new ControlPlaneCheck(writer);
    this.probes = new GatewayProbes(context.metrics().registry());
    this.metrics = new FailoverMetrics(context.metrics().registry());
    this.roles = new ZoneLeaseMetrics(context.metrics().registry());
  }

  /** A DNSConfiguration's failover settings when its mode is Automatic. */
  public static Optional<FailoverSpec> automatic(DNSConfiguration configuration) {
    return Optional.ofNullable(configuration.getSpec().getFailover())
        .filter(failover -> FailoverSpec.AUTOMATIC.equals(failover.getMode()));
  }

  /** Starts looking. */
  public void start() {
    scheduler.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    Duration next = IDLE;
    try {
      next = look();
    } catch (RuntimeException e) {
      LOG.warn("failover loop: {}", e.toString(), e);
    } finally {
      if (!scheduler.isShutdown()) {
        scheduler.schedule(this::tick, next.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** One look at every fenced zone; returns when to look again. */
  private Duration look() {
    Evaluation evaluation = new Evaluation(context.snapshot(), context.options());
    Optional<DNSConfiguration> configuration = store.configuration(evaluation);
    Optional<FailoverSpec> failover = configuration.flatMap(FailoverLoop::automatic);
    Optional<ClusterIdentity> identity = store.identity(evaluation);
    if (failover.isEmpty() || identity.isEmpty() || !leading.getAsBoolean()) {
      watches.clear();
      last.clear();
      lastLooked.clear();
      probes.probe(List.of());
      return IDLE;
    }
    Timing now = Timing.of(failover.get());
    if (!now.equals(timing)) {
      watches.clear();
      timing = now;
    }
    probes.probe(failover.get().getRegions());
    boolean up = controlPlane.up(Duration.ofNanos(timing.renewInterval() / 2));
    Holder self = new Holder(identity.get().getSpec().getCluster(), identity.get().getSpec().getRegion());
    Map<String, Long> served = new LinkedHashMap<>();
    List<ZoneLeaseStatus> zones = new ArrayList<>();
    for (ExternalDNSController controller : configuration.get().getSpec().getExternalDNSControllers()) {
      if (controller.getZoneAgent() != null) {
        look(identity.get(), self, failover.get(), controller, up, served).ifPresent(zones::add);
      }
    }
    if (up) {
      storeAdoptions(identity.get(), served);
      store.store(evaluation, zones);
    }
    return Duration.ofNanos(timing.renewInterval() / 2);
  }

  private Optional<ZoneLeaseStatus> look(ClusterIdentity identity, Holder self, FailoverSpec failover,
      ExternalDNSController controller, boolean up, Map<String, Long> served) {
    String name = controller.getName();
    ZoneWatch watch = watches.computeIfAbsent(name, n -> new ZoneWatch(self, controller.getRegion(),
        rank(failover, controller.getRegion(), self.region()), timing));
    FenceState fence;
    try {
      fence = agents.state(controller.getZoneAgent());
    } catch (IOException | RuntimeException e) {
      LOG.warn("zone {}: cannot read its fence records through {}: {}", name, controller.getZoneAgent(), e.toString());
      Optional<Looked> before = Optional.ofNullable(lastLooked.get(name)); // fail static: as last seen
      before.flatMap(Looked::servedEpoch).ifPresent(epoch -> served.put(controller.getRegion(), epoch));
      return before.map(Looked::status);
    }
    Optional<Long> approved = Optional.ofNullable(identity.getSpec().getApproveReclaimEpoch());
    long at = nanoTime.getAsLong();
    Decision decision = watch.observe(at, fence, probes.verdict(controller.getRegion()), approved, up);
    FenceState after = act(controller, decision, fence);
    if (decision.action() == Action.TAKE_OVER && after.lease().filter(l -> l.heldBy(self)).isPresent()) {
      Optional.ofNullable(suspectSince.remove(name))
          .ifPresent(since -> metrics.failedOver(Duration.ofNanos(at - since)));
      decision = watch.observe(nanoTime.getAsLong(), after, probes.verdict(controller.getRegion()), approved, up);
    }
    transition(identity, name, decision, after, at);
    metrics.heartbeatAge(name, decision.heartbeatAge());
    roles.observed(name, role(decision.state()), after.lease());
    Optional<Long> servedEpoch = decision.servesRegion() ? after.lease().map(Lease::epoch) : Optional.empty();
    servedEpoch.ifPresent(epoch -> served.put(controller.getRegion(), epoch));
    last.put(name, decision);
    Looked looked = new Looked(status(name, after.lease(), decision.state()), servedEpoch);
    lastLooked.put(name, looked);
    return Optional.of(looked.status());
  }

  /** What one successful look at a zone found: its status entry, and the epoch while the region is served. */
  private record Looked(ZoneLeaseStatus status, Optional<Long> servedEpoch) {
  }

  private FenceState act(ExternalDNSController controller, Decision decision, FenceState fence) {
    String agent = controller.getZoneAgent();
    String op = switch (decision.action()) {
      case RENEW -> "renew";
      case TAKE_OVER -> "takeover";
      case CLAIM -> "claim";
      case NONE -> null;
    };
    if (op == null) {
      return fence;
    }
    try {
      LeaseOp result = switch (decision.action()) {
        case RENEW -> agents.renew(agent, Duration.ofNanos(timing.renewDeadline()));
        case TAKE_OVER -> agents.takeOver(agent, decision.expectedLease().orElseThrow(), decision.expectedHeartbeat());
        default -> agents.claim(agent, fence.lease().map(Lease::epoch).orElse(0L));
      };
      metrics.op(op, result.changed() ? "ok" : "conflict");
      if (decision.action() == Action.TAKE_OVER) {
        LOG.info("zone {}: takeover {} ({}): lease now {}", controller.getName(), result.changed() ? "won" : "lost",
            decision.reason(), result.state().lease().map(Lease::text).orElse("none"));
      }
      return result.state();
    } catch (IOException | RuntimeException e) {
      metrics.op(op, "error");
      LOG.warn("zone {}: {} through {} failed: {}", controller.getName(), op, agent, e.toString());
      return fence;
    }
  }

  /** One Event per change of this cluster's state in a zone (none for the first look after a start). */
  private void transition(ClusterIdentity identity, String controller, Decision decision, FenceState fence, long at) {
    Decision before = last.get(controller);
    if (decision.state() == State.SUSPECT && (before == null || before.state() != State.SUSPECT)) {
      suspectSince.put(controller, at);
    } else if (decision.state() != State.SUSPECT && decision.state() != State.TAKING_OVER) {
      suspectSince.remove(controller);
    }
    if (before == null || before.state() == decision.state()) {
      return;
    }
    String epoch = fence.lease().map(l -> "epoch " + l.epoch() + ", held by " + l.holder()).orElse("no lease");
    String zone = "the zone of " + controller;
    List<Transitions.Transition> events = new ArrayList<>();
    switch (decision.state()) {
      case SUSPECT -> events.add(warning("ZoneSuspect", zone + ": " + decision.reason()));
      case ADOPTED -> {
        if (before.state() != State.HANDING_BACK) {
          events.add(warning("ZoneTakenOver", "automatic, " + epoch + ": took over " + zone));
        }
      }
      case HANDING_BACK -> events.add(normal("HandbackRequested", zone + ": " + decision.reason()));
      case DEPOSED, AWAITING_APPROVAL -> {
        if (before.state() == State.OWNER) {
          events.add(warning("ZoneDeposed", zone + " was taken over (" + epoch + "): " + decision.reason()));
        }
      }
      case OWNER -> {
        if (before.state() != State.NO_LEASE) {
          events.add(normal("ZoneReclaimed", "this cluster holds its zone again: " + controller + ", " + epoch));
        }
      }
      case STANDBY -> {
        if (before.state() == State.HANDING_BACK || before.state() == State.ADOPTED) {
          events.add(normal("HandbackCompleted", "automatic failover ended: handed " + zone + " back: " + epoch));
        } else if (before.state() == State.TAKING_OVER) {
          events.add(normal("ZoneTakeoverLost", zone + ": another cluster changed the lease first: " + epoch));
        }
      }
      default -> { }
    }
    events.forEach(event -> context.events().emit(identity, event));
  }

  /**
   * Makes ClusterIdentity {@code status.adoptedRegions} the regions this cluster serves by takeover (an entry keeps
   * its {@code since} while its epoch holds); written only when it changes.
   */
  private void storeAdoptions(ClusterIdentity identity, Map<String, Long> served) {
    List<AdoptedRegion> stored = Optional.ofNullable(identity.getStatus())
        .map(ClusterIdentityStatus::getAdoptedRegions).orElse(List.of());
    List<AdoptedRegion> wanted = new ArrayList<>();
    served.forEach((region, epoch) -> wanted.add(stored.stream()
        .filter(entry -> entry.getRegion().equals(region) && Objects.equals(entry.getEpoch(), epoch)).findFirst()
        .orElseGet(() -> new AdoptedRegion(region, epoch, clock.instant().toString()))));
    if (wanted.equals(stored)) {
      return;
    }
    LOG.info("adopted regions by automatic failover: {} (were {})", wanted, stored);
    writer.resource(identity).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
        Serialization.asJson(Map.of("status", Collections.singletonMap("adoptedRegions",
            wanted.isEmpty() ? null : wanted))));
  }

  private static int rank(FailoverSpec failover, String zoneRegion, String ownRegion) {
    return failover.getRegions().stream().filter(region -> region.getRegion().equals(zoneRegion)).findFirst()
        .map(FailoverRegion::getStandbys).map(standbys -> standbys.indexOf(ownRegion)).orElse(-1);
  }

  private static ZoneLeaseStatus status(String controller, Optional<Lease> lease, State state) {
    return new ZoneLeaseStatus(controller, lease.map(l -> l.holder().toString()).orElse(null),
        lease.map(Lease::epoch).orElse(null), role(state));
  }

  /** The state's name in status and metrics: {@code TAKING_OVER} is {@code TakingOver}. */
  static String role(State state) {
    StringBuilder role = new StringBuilder();
    for (String word : state.name().split("_")) {
      role.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return role.toString();
  }

  private static Transitions.Transition warning(String reason, String message) {
    return new Transitions.Transition(Transitions.WARNING, reason, message);
  }

  private static Transitions.Transition normal(String reason, String message) {
    return new Transitions.Transition(Transitions.NORMAL, reason, message);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    probes.close();
  }
}
