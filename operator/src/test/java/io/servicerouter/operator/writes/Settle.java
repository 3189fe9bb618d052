package io.servicerouter.operator.writes;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Waiting for an operator to have nothing left to do: its reconcile counter stops moving. */
final class Settle {

  /** How long the counter must stay unchanged to call the operator settled. */
  private static final Duration QUIET = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private Settle() {}

  /** Waits until {@code instance} is ready and has completed no reconcile for {@link #QUIET}. */
  static void untilQuiet(OperatorInstance instance) {
    await().atMost(TIMEOUT).until(instance::ready);
    AtomicLong previous = new AtomicLong(-1);
    await().atMost(TIMEOUT).pollDelay(QUIET).pollInterval(QUIET)
        .until(() -> {
          long now = instance.reconciles();
          return previous.getAndSet(now) == now;
        });
  }
}
