package io.servicerouter.drill;

import java.util.List;
import java.util.Map;

/**
 * {@code ./servicerouter drill [--services N]}: the failover drill as a program, to watch a failover happen
 * on one machine. Two local clusters (weu/aks01, neu/aks01) with their operators and ExternalDNS instances
 * and one DNS server per zone run normal operation, the failure of weu, the adoption of weu by neu and the
 * hand-back in SPEC §8.2 order; the timeline ends with {@code failover: <seconds> s}. Exit 0 when every step
 * held (every name switched to neu and back to weu exactly once), 1 otherwise.
 */
public final class DrillMain {

  private DrillMain() {}

  /**
   * Entry point.
   *
   * @param args {@code --services N} (default 10)
   */
  public static void main(String[] args) {
    int services = args.length == 2 && args[0].equals("--services") ? Integer.parseInt(args[1]) : 10;
    int exit = 1;
    try (FailoverDrill drill = FailoverDrill.start(services, DrillMode.ACTIVE)) {
      try {
        drill.awaitNormalOperation();
        drill.failWeu();
        drill.adoptWeu();
        exit = flapped(drill.recoverWeu()) ? 1 : 0;
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
