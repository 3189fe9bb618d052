package io.servicerouter.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.failover.ProbeStreak.Verdict;
import io.servicerouter.failover.ZoneWatch.Action;
import io.servicerouter.failover.ZoneWatch.Decision;
import io.servicerouter.failover.ZoneWatch.State;
import io.servicerouter.fence.Claim;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The state table of docs/operations.md §6.5 with the test timings R 1 s, L 5 s, D 3 s, H 5 s, M 10 s. */
class ZoneWatchTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long TICK = SECOND / 2;
  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Holder NEU = new Holder("aks01", "neu");
  private static final Holder FRC = new Holder("aks01", "frc");
  private static final Timing TIMING = new Timing(SECOND, 5 * SECOND, 3 * SECOND, 5 * SECOND, 10 * SECOND, false);
  private static final Lease WEU_LEASE = Lease.first(WEU);

  @Test
  void aStandbyTakesOverOnlyAfterTheLeaseDurationAndOnlyWithAnUnhealthyGateway() {
    ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
    FenceState still = fence(WEU_LEASE, new Heartbeat(WEU, 1, 42), null);
    long takeoverAt = firstTakeover(neu, 0, still, Verdict.UNHEALTHY, 20 * SECOND);
    assertThat(takeoverAt).isEqualTo(5 * SECOND);
    Decision decision = neu.observe(takeoverAt, still, Verdict.UNHEALTHY, Optional.empty(), true);
    assertThat(decision.expectedLease()).contains(WEU_LEASE);
    assertThat(decision.expectedHeartbeat()).contains(new Heartbeat(WEU, 1, 42));
  }

  @Test
  void aStillHeartbeatWithAHealthyOrUnknownGatewayIsSuspectAndNeverTakenOver() {
    for (Verdict gateway : new Verdict[] {Verdict.HEALTHY, Verdict.UNKNOWN}) {
      ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
      FenceState still = fence(WEU_LEASE, new Heartbeat(WEU, 1, 42), null);
      assertThat(firstTakeover(neu, 0, still, gateway, 120 * SECOND)).as("gateway %s", gateway).isEqualTo(-1);
      assertThat(neu.observe(120 * SECOND, still, gateway, Optional.empty(), true).state()).isEqualTo(State.SUSPECT);
    }
  }

  @Test
  void aRenewingOwnerWithAFailingGatewayIsNeverTakenOver() {
    ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
    for (long now = 0, seq = 0; now <= 60 * SECOND; now += TICK, seq += now % SECOND == 0 ? 1 : 0) {
      Decision decision = neu.observe(now, fence(WEU_LEASE, new Heartbeat(WEU, 1, seq), null), Verdict.UNHEALTHY,
          Optional.empty(), true);
      assertThat(decision.state()).isEqualTo(State.STANDBY);
      assertThat(decision.action()).isEqualTo(Action.NONE);
    }
  }

  @Test
  void theSecondStandbyWaitsTwoRenewIntervalsLonger() {
    ZoneWatch frc = new ZoneWatch(FRC, "weu", 1, TIMING);
    FenceState still = fence(WEU_LEASE, new Heartbeat(WEU, 1, 42), null);
    assertThat(firstTakeover(frc, 0, still, Verdict.UNHEALTHY, 20 * SECOND)).isEqualTo(7 * SECOND);
  }

  @ParameterizedTest
  @ValueSource(longs = {-3600, 0, 3600})
  void theStandbysClockOffsetDoesNotMatter(long offsetSeconds) {
    ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
    long start = offsetSeconds * SECOND;
    FenceState still = fence(WEU_LEASE, new Heartbeat(WEU, 1, 42), null);
    assertThat(firstTakeover(neu, start, still, Verdict.UNHEALTHY, 20 * SECOND) - start).isEqualTo(5 * SECOND);
  }

  @Test
  void aStandbyClockRunningOneAndAHalfTimesFastDoesNotTakeOverFromARenewingOwner() {
    // the owner renews every real second; the standby's clock counts 1.5 s for each: a change every 1.5 s < L
    ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
    for (long real = 0; real <= 60 * SECOND; real += TICK) {
      long seq = real / TIMING.renewInterval();
      Decision decision = neu.observe(real * 3 / 2, fence(WEU_LEASE, new Heartbeat(WEU, 1, seq), null),
          Verdict.UNHEALTHY, Optional.empty(), true);
      assertThat(decision.action()).as("at %d ms", real / 1_000_000).isEqualTo(Action.NONE);
    }
  }

  @Test
  void nothingIsDoneWhileTheOwnControlPlaneIsUnreachable() {
    ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
    FenceState still = fence(WEU_LEASE, new Heartbeat(WEU, 1, 42), null);
    for (long now = 0; now <= 30 * SECOND; now += TICK) {
      assertThat(neu.observe(now, still, Verdict.UNHEALTHY, Optional.empty(), false).action()).isEqualTo(Action.NONE);
    }
    ZoneWatch weu = new ZoneWatch(WEU, "weu", -1, TIMING);
    Decision owner = weu.observe(0, fence(WEU_LEASE, new Heartbeat(WEU, 1, 0), null), Verdict.HEALTHY,
        Optional.empty(), false);
    assertThat(owner.state()).isEqualTo(State.OWNER);
    assertThat(owner.action()).as("no renewal: the heartbeat must stop").isEqualTo(Action.NONE);
  }

  @Test
  void theHolderRenewsEveryRenewIntervalAndTheHomeCreatesAMissingLease() {
    ZoneWatch weu = new ZoneWatch(WEU, "weu", -1, TIMING);
    assertThat(weu.observe(0, FenceState.NONE, Verdict.UNKNOWN, Optional.empty(), true).action())
        .isEqualTo(Action.RENEW);
    int renewals = 0;
    for (long now = TICK; now <= 10 * SECOND; now += TICK) {
      Decision decision = weu.observe(now, fence(WEU_LEASE, new Heartbeat(WEU, 1, renewals), null), Verdict.UNKNOWN,
          Optional.empty(), true);
      assertThat(decision.state()).isEqualTo(State.OWNER);
      renewals += decision.action() == Action.RENEW ? 1 : 0;
    }
    assertThat(renewals).isEqualTo(10);
    ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
    assertThat(neu.observe(0, FenceState.NONE, Verdict.UNHEALTHY, Optional.empty(), true).action())
        .as("a standby never creates a lease").isEqualTo(Action.NONE);
  }

  @Test
  void anAdopterServesTheRegionAndHandsBackOnlyAfterAStableClaimAHealthyHomeAndTheMinimumAdoption() {
    Lease neuLease = WEU_LEASE.takenBy(NEU);
    ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
    long claimFrom = 2 * SECOND;
    long handBackAt = -1;
    for (long now = 0; now <= 30 * SECOND && handBackAt < 0; now += TICK) {
      Claim claim = now < claimFrom ? null : new Claim(WEU, 2, (now - claimFrom) / SECOND);
      Decision decision = neu.observe(now, fence(neuLease, new Heartbeat(NEU, 2, now / SECOND), claim),
          now < 12 * SECOND ? Verdict.UNKNOWN : Verdict.HEALTHY, Optional.empty(), true);
      if (decision.state() == State.HANDING_BACK) {
        assertThat(decision.servesRegion()).isFalse();
        handBackAt = now;
      } else {
        assertThat(decision.state()).isEqualTo(State.ADOPTED);
        assertThat(decision.servesRegion()).isTrue();
      }
    }
    assertThat(handBackAt).as("claim stable from 7 s, adopted 10 s, home healthy from 12 s").isEqualTo(12 * SECOND);
  }

  @Test
  void aStaleClaimDoesNotStartAHandBack() {
    Lease neuLease = WEU_LEASE.takenBy(NEU);
    ZoneWatch neu = new ZoneWatch(NEU, "weu", 0, TIMING);
    for (long now = 0; now <= 60 * SECOND; now += TICK) {
      Decision decision = neu.observe(now, fence(neuLease, new Heartbeat(NEU, 2, now / SECOND), new Claim(WEU, 2, 7)),
          Verdict.HEALTHY, Optional.empty(), true);
      assertThat(decision.state()).isEqualTo(State.ADOPTED);
    }
  }

  @Test
  void aDeposedHomeClaimsOnceItsGatewayIsHealthyAndWithAManualHandBackOnlyWhenThatEpochIsApproved() {
    Lease neuLease = WEU_LEASE.takenBy(NEU);
    FenceState adopted = fence(neuLease, new Heartbeat(NEU, 2, 3), null);
    ZoneWatch weu = new ZoneWatch(WEU, "weu", -1, TIMING);
    assertThat(weu.observe(0, adopted, Verdict.UNKNOWN, Optional.empty(), true).action()).isEqualTo(Action.NONE);
    assertThat(weu.observe(TICK, fence(neuLease, new Heartbeat(NEU, 2, 4), null), Verdict.HEALTHY, Optional.empty(),
        true).action()).isEqualTo(Action.CLAIM);

    Timing manual = new Timing(SECOND, 5 * SECOND, 3 * SECOND, 5 * SECOND, 10 * SECOND, true);
    ZoneWatch approvalNeeded = new ZoneWatch(WEU, "weu", -1, manual);
    Decision otherEpoch = approvalNeeded.observe(0, adopted, Verdict.HEALTHY, Optional.of(1L), true);
    assertThat(otherEpoch.state()).isEqualTo(State.AWAITING_APPROVAL);
    assertThat(otherEpoch.reason()).contains("spec.approveReclaimEpoch: 2");
    Decision approved = approvalNeeded.observe(TICK, fence(neuLease, new Heartbeat(NEU, 2, 4), null),
        Verdict.HEALTHY, Optional.of(2L), true);
    assertThat(approved.state()).isEqualTo(State.DEPOSED);
    assertThat(approved.action()).isEqualTo(Action.CLAIM);
  }

  @Test
  void aDeposedHomeTakesItsZoneBackWithoutAProbeWhenTheAdoptersHeartbeatStops() {
    ZoneWatch weu = new ZoneWatch(WEU, "weu", -1, TIMING);
    FenceState still = fence(WEU_LEASE.takenBy(NEU), new Heartbeat(NEU, 2, 9), null);
    assertThat(firstTakeover(weu, 0, still, Verdict.UNKNOWN, 20 * SECOND)).isEqualTo(5 * SECOND);
  }

  @Test
  void aStandbyDoesNotTakeOverFromAnotherAdopter() {
    ZoneWatch frc = new ZoneWatch(FRC, "weu", 1, TIMING);
    FenceState still = fence(WEU_LEASE.takenBy(NEU), new Heartbeat(NEU, 2, 9), null);
    assertThat(firstTakeover(frc, 0, still, Verdict.UNHEALTHY, 60 * SECOND)).isEqualTo(-1);
  }

  @Test
  void probeVerdictsChangeOnlyAfterTheirThresholds() {
    ProbeStreak streak = new ProbeStreak(3, 2);
    assertThat(streak.record(false)).isEqualTo(Verdict.UNKNOWN);
    assertThat(streak.record(false)).isEqualTo(Verdict.UNKNOWN);
    assertThat(streak.record(false)).isEqualTo(Verdict.UNHEALTHY);
    assertThat(streak.record(true)).as("one success keeps the verdict").isEqualTo(Verdict.UNHEALTHY);
    assertThat(streak.record(false)).isEqualTo(Verdict.UNHEALTHY);
    assertThat(streak.record(true)).isEqualTo(Verdict.UNHEALTHY);
    assertThat(streak.record(true)).isEqualTo(Verdict.HEALTHY);
    for (int flap = 0; flap < 20; flap++) {
      assertThat(streak.record(flap % 2 == 0)).as("flapping every probe").isEqualTo(Verdict.HEALTHY);
    }
  }

  /** The first time, looking every half second from {@code start}, the watch asks to take over; -1 if never. */
  private static long firstTakeover(ZoneWatch watch, long start, FenceState fence, Verdict gateway, long within) {
    for (long now = start; now <= start + within; now += TICK) {
      Decision decision = watch.observe(now, fence, gateway, Optional.empty(), true);
      if (decision.action() == Action.TAKE_OVER) {
        return now;
      }
    }
    return -1;
  }

  private static FenceState fence(Lease lease, Heartbeat heartbeat, Claim claim) {
    return new FenceState(Optional.of(lease), Optional.ofNullable(heartbeat), Optional.ofNullable(claim));
  }
}
