package io.servicerouter.drill;

import java.util.List;
import java.util.Map;

/**
 * {@code ./servicerouter drill [--services N] [--no-fence]}: the failover drill as a program, to watch a failover
 * happen on one machine. Two local clusters (weu/aks01, neu/aks01) with their operators and ExternalDNS instances
 * (each writing through its zone agent, unless {@code --no-fence}) and one DNS server per zone run normal
 * operation, the failure of weu, the adoption of weu by neu (taking the weu and frc zone leases first) and the
 * hand-back in SPEC §8.2 order; the timeline ends with {@code failover: <seconds> s} and, fenced, with
 * {@code fence: <n> refused, <m> committed out of lease} from the DNS servers' update logs. Exit 0 when every step
 * held (every name switched to neu and back to weu exactly once, nothing committed out of lease), 1 otherwise.
 */
public final class DrillMain {

  private DrillMain() {}

  /**
   * Entry point.
   *
   * @param args {@code --services N} (default 10), {@code --no-fence}
   */
  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    int at = arguments.indexOf("--services");
    int services = at >= 0 && at + 1 < args.length ? Integer.parseInt(args[at + 1]) : 10;
    Fencing fencing = arguments.contains("--no-fence") ? Fencing.UNFENCED : Fencing.FENCED;
    int exit = 1;
    try (FailoverDrill drill = FailoverDrill.start(services, DrillMode.ACTIVE, fencing)) {
      try {
        drill.awaitNormalOperation();
        drill.failWeu();
        drill.adoptWeu();
        boolean flapped = flapped(drill.recoverWeu());
        boolean outOfLease = fencing == Fencing.FENCED && drill.auditFence() > 0;
        exit = flapped || outOfLease ? 1 : 0;
      } finally {
        System.out.print(drill.timeline().render());
      }
    } catch (Exception | AssertionError e) {
      System.out.println("drill failed: " + e);
    }
    System.exit(exit);
  }

  /** Whether any name answered anything but neu's gateway, then weu's, during the hand-back. */
  private static boolean flapped(Map<String, List<String>> sequences) {
    List<String> expected = List.of(DrillApplication.targetHost("neu"), DrillApplication.targetHost("weu"));
    boolean flapped = false;
    for (Map.Entry<String, List<String>> sequence : sequences.entrySet()) {
      if (!sequence.getValue().equals(expected)) {
        System.out.println("flapped: " + sequence.getKey() + " answered " + sequence.getValue());
        flapped = true;
      }
    }
    return flapped;
  }
}
