package io.servicerouter.operator.zonelease;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseAction;
import io.servicerouter.fence.LeaseIntent;
import io.servicerouter.fence.LeaseOp;
import io.servicerouter.operator.reconcile.Transitions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaseKeeperTest {

  private static final Holder WEU = new Holder("aks01", "weu");
  private static final Holder NEU = new Holder("aks01", "neu");
  private static final Holder FRC = new Holder("aks02", "frc");
  private static final LeaseIntent TAKE = intent(LeaseAction.TAKE, "adopts region weu");
  private static final LeaseIntent RELEASE = intent(LeaseAction.RELEASE, "neither home nor adopter of weu");
  private static final LeaseIntent NONE = intent(LeaseAction.NONE, "still has DNSEndpoints for external-dns-weu");

  /** One zone's lease, changed the way the agent changes it (each change a new epoch). */
  private static final class Zone implements ZoneAgents {
    Optional<Lease> lease = Optional.of(Lease.first(WEU));
    Holder caller = NEU;
    int changes;

    @Override
    public FenceState state(String agent) {
      return new FenceState(lease, lease.map(Heartbeat::first), Optional.empty());
    }

    @Override
    public Optional<Lease> take(String agent) {
      return moveTo(caller);
    }

    @Override
    public Optional<Lease> release(String agent) {
      return lease.get().heldBy(caller) ? moveTo(WEU) : lease;
    }

    @Override
    public LeaseOp renew(String agent, Duration deadline) {
      throw new UnsupportedOperationException("LeaseKeeper moves leases of manual failover only");
    }

    @Override
    public LeaseOp takeOver(String agent, Lease expected, Optional<Heartbeat> expectedHeartbeat) {
      throw new UnsupportedOperationException("LeaseKeeper moves leases of manual failover only");
    }

    @Override
    public LeaseOp claim(String agent, long seenEpoch) {
      throw new UnsupportedOperationException("LeaseKeeper moves leases of manual failover only");
    }

    Optional<Lease> moveTo(Holder holder) {
      if (!lease.get().heldBy(holder)) {
        lease = Optional.of(lease.get().takenBy(holder));
        changes++;
      }
      return lease;
    }
  }

  private final Zone zone = new Zone();
  private final LeaseKeeper keeper = new LeaseKeeper(zone);

  @Test
  void anAdoptionTakesTheLeaseOnceAndAnnouncesIt() throws Exception {
    LeaseKeeper.Outcome taken = keeper.apply(NEU, TAKE);
    assertThat(taken.lease()).contains(new Lease(NEU, 2));
    assertThat(taken.transition()).contains(new Transitions.Transition(Transitions.NORMAL, "ZoneLeaseTaken",
        "Took the lease of the zone of external-dns-weu (adopts region weu): epoch 2"));

    assertThat(keeper.apply(NEU, TAKE).transition()).isEmpty();
    assertThat(zone.changes).isEqualTo(1);
  }

  @Test
  void aSecondAdopterThatTookTheLeaseIsNotFoughtButReportedOnce() throws Exception {
    keeper.apply(NEU, TAKE);
    zone.moveTo(FRC); // another cluster breaks glass for the same region

    LeaseKeeper.Outcome lost = keeper.apply(NEU, TAKE);
    assertThat(lost.lease()).contains(new Lease(FRC, 3));
    assertThat(lost.transition()).map(Transitions.Transition::reason).contains("ZoneLeaseLost");
    assertThat(lost.transition()).map(Transitions.Transition::type).contains(Transitions.WARNING);
    assertThat(keeper.apply(NEU, TAKE).transition()).isEmpty();
    assertThat(zone.lease).contains(new Lease(FRC, 3));
    assertThat(zone.changes).isEqualTo(2);
  }

  @Test
  void theHandBackWaitsForTheIntentAndGivesTheLeaseHome() throws Exception {
    keeper.apply(NEU, TAKE);
    assertThat(keeper.apply(NEU, NONE).transition()).isEmpty();
    assertThat(zone.lease).contains(new Lease(NEU, 2));

    LeaseKeeper.Outcome released = keeper.apply(NEU, RELEASE);
    assertThat(released.lease()).contains(new Lease(WEU, 3));
    assertThat(released.transition()).contains(new Transitions.Transition(Transitions.NORMAL, "ZoneLeaseReleased",
        "Handed the zone of external-dns-weu back to aks01/weu: epoch 3"));
    assertThat(keeper.apply(NEU, RELEASE).transition()).isEmpty();
    assertThat(zone.changes).isEqualTo(2);
  }

  @Test
  void aNewAdoptionAfterTheEndOfTheLastTakesAgain() throws Exception {
    keeper.apply(NEU, TAKE);
    keeper.apply(NEU, RELEASE);
    assertThat(keeper.apply(NEU, TAKE).lease()).contains(new Lease(NEU, 4));
  }

  private static LeaseIntent intent(LeaseAction action, String reason) {
    return new LeaseIntent("external-dns-weu", "http://agent:8080", false, action, reason);
  }
}
