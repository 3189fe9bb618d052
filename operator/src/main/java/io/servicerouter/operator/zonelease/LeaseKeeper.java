package io.servicerouter.operator.zonelease;

import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseIntent;
import io.servicerouter.operator.reconcile.Transitions;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries out one {@link LeaseIntent} through the zone agent and says what changed. A take happens once per
 * adoption: when another cluster takes the lease afterwards (a second adopter breaking glass), this cluster does
 * not take it back, which would make two adopters pass the zone to and fro; it reports the loss once
 * ({@code ZoneLeaseLost}, Warning) and leaves the zone to the newer holder. The memory of takes is per operator
 * process: after a restart an adopter takes again once.
 */
final class LeaseKeeper {

  /** What one intent found and did. */
  record Outcome(Optional<Lease> lease, Optional<Transitions.Transition> transition) {
  }

  private final ZoneAgents agents;
  /** The lease epoch this cluster took, per controller, while its adoption lasts. */
  private final Map<String, Long> taken = new ConcurrentHashMap<>();
  /** The epochs whose loss was reported, per controller. */
  private final Map<String, Long> lostReported = new ConcurrentHashMap<>();

  LeaseKeeper(ZoneAgents agents) {
    this.agents = agents;
  }

  Outcome apply(Holder self, LeaseIntent intent) throws IOException {
    String agent = intent.zoneAgent();
    Optional<Lease> before = agents.current(agent);
    boolean held = before.filter(lease -> lease.heldBy(self)).isPresent();
    switch (intent.action()) {
      case TAKE -> {
        Long tookEpoch = taken.get(intent.controller());
        if (held) {
          taken.putIfAbsent(intent.controller(), before.get().epoch());
          return new Outcome(before, Optional.empty());
        }
        if (tookEpoch != null && before.isPresent()) {
          return lost(intent, before.get());
        }
        Optional<Lease> after = agents.take(agent);
        after.ifPresent(lease -> taken.put(intent.controller(), lease.epoch()));
        return new Outcome(after, after.equals(before) ? Optional.empty() : Optional.of(new Transitions.Transition(
            Transitions.NORMAL, "ZoneLeaseTaken", "Took the lease of the zone of " + intent.controller() + " ("
            + intent.reason() + "): epoch " + after.map(Lease::epoch).orElse(0L))));
      }
      case RELEASE -> {
        forget(intent.controller());
        if (!held) {
          return new Outcome(before, Optional.empty());
        }
        Optional<Lease> after = agents.release(agent);
        return new Outcome(after, after.equals(before) || after.isEmpty() ? Optional.empty()
            : Optional.of(new Transitions.Transition(Transitions.NORMAL, "ZoneLeaseReleased",
                "Handed the zone of " + intent.controller() + " back to " + after.get().holder() + ": epoch "
                + after.get().epoch())));
      }
      default -> {
        forget(intent.controller());
        return new Outcome(before, Optional.empty());
      }
    }
  }

  private Outcome lost(LeaseIntent intent, Lease current) {
    Long reported = lostReported.put(intent.controller(), current.epoch());
    Optional<Transitions.Transition> warning = Long.valueOf(current.epoch()).equals(reported) ? Optional.empty()
        : Optional.of(new Transitions.Transition(Transitions.WARNING, "ZoneLeaseLost", "The lease of the zone of "
            + intent.controller() + " was taken by " + current.holder() + " (epoch " + current.epoch()
            + ") while this cluster adopts its region: not taken back; end one of the adoptions"));
    return new Outcome(Optional.of(current), warning);
  }

  private void forget(String controller) {
    taken.remove(controller);
    lostReported.remove(controller);
  }
}
