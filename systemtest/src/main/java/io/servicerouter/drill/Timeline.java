package io.servicerouter.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the drill did and when DNS showed it, as seconds since the drill's start; printed at the end, with the
 * failover time ({@code failover: <seconds> s}) and, in a fenced drill, the fence's audit as the last lines.
 */
public final class Timeline {

  private final Instant origin = Instant.now();
  private final List<String> lines = new ArrayList<>();
  private Duration failover;
  private Duration takeover;
  private Duration operator;
  private String fence;

  /** Records that the drill performed {@code what} now, and returns the instant. */
  public synchronized Instant step(String what) {
    Instant now = Instant.now();
    lines.add(line(now, "step", what));
    return now;
  }

  /** Records that DNS reflected {@code what} at {@code when}. */
  public synchronized void dns(String what, Instant when) {
    lines.add(line(when, "dns ", what));
  }

  /** Records where the machine's CPU went during a step ({@code what} names the processes' seconds). */
  public synchronized void cpu(String what) {
    lines.add(line(Instant.now(), "cpu ", what));
  }

  /** Records that a cluster's API server showed {@code what} now (e.g. the operator deleted objects). */
  public synchronized void api(String what) {
    lines.add(line(Instant.now(), "api ", what));
  }

  /**
   * Records the failover time, from the adoption patch to the last adopted name answering the new target, and
   * the part of it until the adopting operator had written every DNSEndpoint (the rest is ExternalDNS and DNS).
   */
  public synchronized Duration failover(Instant patched, Instant operatorDone, Instant lastAnswer) {
    failover = Duration.between(patched, lastAnswer);
    operator = Duration.between(patched, operatorDone);
    return failover;
  }

  /**
   * Records an automatic failover: the takeover (the owner's last renewal seen to the new lease seen) and the
   * failover after it (to the last name answering the new target).
   */
  public synchronized void automatic(Duration takeover, Duration failover) {
    this.takeover = takeover;
    this.failover = failover;
  }

  /** Records the fence's audit line, printed last. */
  public synchronized void fence(String line) {
    fence = line;
  }

  /** The timeline as text, ending with the failover line if a failover was recorded, then the fence's line. */
  public synchronized String render() {
    StringBuilder text = new StringBuilder("failover drill timeline (seconds since start)\n");
    lines.forEach(line -> text.append(line).append('\n'));
    if (takeover != null) {
      text.append(String.format(Locale.ROOT, "takeover: %.3f s%n", takeover.toNanos() / 1e9));
      text.append(String.format(Locale.ROOT, "failover: %.3f s%n", failover.toNanos() / 1e9));
    } else if (failover != null) {
      text.append(String.format(Locale.ROOT, "failover split: operator %.3f s, then ExternalDNS and DNS %.3f s%n",
          operator.toNanos() / 1e9, failover.minus(operator).toNanos() / 1e9));
      text.append(String.format(Locale.ROOT, "failover: %.3f s%n", failover.toNanos() / 1e9));
    }
    if (fence != null) {
      text.append(fence).append('\n');
    }
    return text.toString();
  }

  private String line(Instant when, String kind, String what) {
    return String.format(Locale.ROOT, "%9.3f  %s  %s", Duration.between(origin, when).toNanos() / 1e9, kind, what);
  }
}
