package io.servicerouter.failover;

/**
 * The verdict of a gateway probe with hysteresis: unhealthy after {@code failureThreshold} consecutive failures,
 * healthy after {@code successThreshold} consecutive successes, unchanged in between (a flapping gateway keeps
 * its verdict); unknown until the first run of either.
 */
public final class ProbeStreak {

  /** A probe's verdict. */
  public enum Verdict {
    /** Not enough consecutive results yet. */
    UNKNOWN,
    /** The last successThreshold probes succeeded. */
    HEALTHY,
    /** The last failureThreshold probes failed. */
    UNHEALTHY
  }

  private final int failureThreshold;
  private final int successThreshold;
  private int failures;
  private int successes;
  private Verdict verdict = Verdict.UNKNOWN;

  /** @param failureThreshold F; @param successThreshold S */
  public ProbeStreak(int failureThreshold, int successThreshold) {
    this.failureThreshold = failureThreshold;
    this.successThreshold = successThreshold;
  }

  /** Records one probe's result and returns the verdict after it. */
  public synchronized Verdict record(boolean success) {
    if (success) {
      successes++;
      failures = 0;
      if (successes >= successThreshold) {
        verdict = Verdict.HEALTHY;
      }
    } else {
      failures++;
      successes = 0;
      if (failures >= failureThreshold) {
        verdict = Verdict.UNHEALTHY;
      }
    }
    return verdict;
  }

  /** The current verdict. */
  public synchronized Verdict verdict() {
    return verdict;
  }
}
