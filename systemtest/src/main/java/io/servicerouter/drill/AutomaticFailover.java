package io.servicerouter.drill;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The drill's {@code spec.failover} for automatic failover, with the test timings of docs/operations.md §6.5:
 * renew every 1 s, lease 5 s, renew deadline 3 s, probes every 0.5 s (3 failures, 3 successes), hand-back
 * (automatic, or manual: approved by the home) after a claim stable for 5 s and an adoption of at least 10 s. Each
 * region is the other's standby.
 */
final class AutomaticFailover {

  /** L in seconds: a takeover never happens earlier. */
  static final int LEASE_SECONDS = 5;
  /** R in seconds. */
  static final int RENEW_SECONDS = 1;

  private AutomaticFailover() {
  }

  /**
   * The {@code failover:} block of the DNSConfiguration's spec, probing each region's gateway at its URL; the
   * hand-back waits for the home's approval ({@code spec.approveReclaimEpoch}) when {@code manualHandback}.
   */
  static String spec(Map<String, String> probeUrls, boolean manualHandback) {
    StringBuilder yaml = new StringBuilder()
        .append("  failover:\n")
        .append("    mode: Automatic\n")
        .append("    renewIntervalSeconds: ").append(RENEW_SECONDS).append('\n')
        .append("    leaseDurationSeconds: ").append(LEASE_SECONDS).append('\n')
        .append("    renewDeadlineSeconds: 3\n")
        .append("    handback: {mode: ").append(manualHandback ? "Manual" : "Automatic")
        .append(", stableSeconds: 5, minAdoptedSeconds: 10}\n")
        .append("    regions:\n");
    probeUrls.keySet().stream().sorted().forEach(region -> yaml
        .append("    - region: ").append(region).append('\n')
        .append("      standbys: [").append(probeUrls.keySet().stream().filter(other -> !other.equals(region))
            .sorted().collect(Collectors.joining(", "))).append("]\n")
        .append("      probe: {url: \"").append(probeUrls.get(region)).append("\", intervalMilliseconds: 500,")
        .append(" timeoutMilliseconds: 400, failureThreshold: 3, successThreshold: 3}\n"));
    return yaml.toString();
  }
}
