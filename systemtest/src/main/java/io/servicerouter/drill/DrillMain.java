package io.servicerouter.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./servicerouter drill [--services N] [--no-fence | --automatic [--runs N]]}: the failover drill as a program, to watch a failover
 * happen on one machine. Two local clusters (weu/aks01, neu/aks01) with their operators and ExternalDNS instances
 * (each writing through its zone agent, unless {@code --no-fence}) and one DNS server per zone run normal
 * operation, the failure of weu, the adoption of weu by neu (taking the weu and frc zone leases first) and the
 * hand-back in SPEC §8.2 order; the timeline ends with {@code failover: <seconds> s} and, fenced, with
 * {@code fence: <n> refused, <m> committed out of lease} from the DNS servers' update logs. Exit 0 when every step
 * held (every name switched to neu and back to weu exactly once, nothing committed out of lease), 1 otherwise.
 * With {@code --automatic} nobody patches anything: weu's gateway turns unhealthy and its kube-apiserver stops, neu's
 * operator takes the zones over by itself ({@code takeover: <s> s} from weu's last renewal, {@code failover: <s> s}
 * until every name answers neu), then weu recovers and gets its zones back by the hand-back rules; exit 0 also
 * needs the takeover to come no earlier than the lease duration.
 */
public final class DrillMain {

  private DrillMain() {}

  /**
   * Entry point.
   *
   * @param args {@code --services N} (default 10), {@code --no-fence} or {@code --automatic [--runs N]}
   */
  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    int at = arguments.indexOf("--services");
    int services = at >= 0 && at + 1 < args.length ? Integer.parseInt(args[at + 1]) : 10;
    Fencing fencing = arguments.contains("--no-fence") ? Fencing.UNFENCED : Fencing.FENCED;
    if (arguments.contains("--automatic")) {
      int runs = arguments.indexOf("--runs");
      System.exit(automatic(services, runs >= 0 && runs + 1 < args.length ? Integer.parseInt(args[runs + 1]) : 1));
    }
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

  /**
   * The automatic drill, {@code runs} failures and recoveries of weu in one pair of clusters; with more than one
   * run, a summary of the takeover and failover times (p50, p95, max) for docs/benchmarks.md.
   */
  private static int automatic(int services, int runs) {
    int exit = 1;
    List<FailoverDrill.Takeover> takeovers = new ArrayList<>();
    try (FailoverDrill drill = FailoverDrill.startAutomatic(services)) {
      try {
        drill.awaitNormalOperation();
        boolean failed = false;
        for (int run = 0; run < runs; run++) {
          FailoverDrill.Takeover takeover = drill.failWeuAutomatically();
          takeovers.add(takeover);
          boolean early = takeover.takeover().compareTo(Duration.ofSeconds(AutomaticFailover.LEASE_SECONDS)) < 0;
          if (early) {
            System.out.println("early: the takeover came before the lease duration of "
                + AutomaticFailover.LEASE_SECONDS + " s");
          }
          boolean flapped = flapped(drill.recoverWeuAutomatically());
          failed |= early || flapped;
        }
        boolean outOfLease = drill.auditFence() > 0;
        exit = failed || outOfLease ? 1 : 0;
      } finally {
        System.out.print(drill.timeline().render());
        if (takeovers.size() > 1) {
          System.out.println(summary("takeover", takeovers.stream().map(FailoverDrill.Takeover::takeover).toList()));
          System.out.println(summary("failover", takeovers.stream().map(FailoverDrill.Takeover::failover).toList()));
        }
      }
    } catch (Exception | AssertionError e) {
      System.out.println("drill failed: " + e);
    }
    return exit;
  }

  /** {@code <what> over <n> runs: p50 <s> s, p95 <s> s, max <s> s} (nearest-rank percentiles). */
  private static String summary(String what, List<Duration> durations) {
    List<Duration> sorted = durations.stream().sorted().toList();
    return String.format(Locale.ROOT, "%s over %d runs: p50 %.3f s, p95 %.3f s, max %.3f s", what, sorted.size(),
        rank(sorted, 0.50), rank(sorted, 0.95), sorted.get(sorted.size() - 1).toNanos() / 1e9);
  }

  private static double rank(List<Duration> sorted, double percentile) {
    int index = (int) Math.ceil(percentile * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)).toNanos() / 1e9;
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
