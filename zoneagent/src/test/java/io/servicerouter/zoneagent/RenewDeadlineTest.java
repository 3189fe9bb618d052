package io.servicerouter.zoneagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RenewDeadlineTest {

  private static final Duration D = Duration.ofSeconds(3);
  private final AtomicLong clock = new AtomicLong(-5_000_000_000L); // monotonic clocks may be negative
  private final RenewDeadline deadline = new RenewDeadline(clock::get);

  @Test
  void withoutARenewalNoDeadlineApplies() {
    advance(Duration.ofDays(1));
    assertThat(deadline.expired()).isEmpty();
    deadline.refreshed(deadline.now()); // a takeover in Manual mode sets no deadline either
    advance(Duration.ofDays(1));
    assertThat(deadline.expired()).isEmpty();
  }

  @Test
  void writesStopWhenTheLastRenewalStartedMoreThanTheDeadlineAgo() {
    long start = deadline.now();
    advance(Duration.ofMillis(400)); // the renewal's round trip: the deadline counts from its start
    deadline.renewed(start, D);
    advance(D.minusMillis(400));
    assertThat(deadline.expired()).as("exactly D after the start").isEmpty();
    advance(Duration.ofNanos(1));
    assertThat(deadline.expired()).hasValueSatisfying(why -> assertThat(why)
        .contains("started 3000 ms ago").contains("renew deadline of 3000 ms"));

    deadline.renewed(deadline.now(), D);
    assertThat(deadline.expired()).as("the next renewal lets writes go on").isEmpty();
  }

  @Test
  void aRenewalThatStartedBeforeTheLastRecordedDoesNotMoveTheStartBack() {
    long early = deadline.now();
    advance(Duration.ofSeconds(2));
    deadline.renewed(deadline.now(), D);
    deadline.renewed(early, D); // the slower of two renewals in flight ends last
    advance(Duration.ofSeconds(2));
    assertThat(deadline.expired()).isEmpty();
  }

  @Test
  void aTakeoverCountsAsARenewalWithTheCurrentDeadline() {
    deadline.renewed(deadline.now(), Duration.ofSeconds(1));
    advance(Duration.ofSeconds(5));
    assertThat(deadline.expired()).isPresent();
    deadline.refreshed(deadline.now());
    advance(Duration.ofMillis(900));
    assertThat(deadline.expired()).isEmpty();
    advance(Duration.ofMillis(200));
    assertThat(deadline.expired()).isPresent();
  }

  @Test
  void theDeadlineMayChangeWithEachRenewalButIsNeverNegative() {
    deadline.renewed(deadline.now(), Duration.ofSeconds(1));
    deadline.renewed(deadline.now(), Duration.ofSeconds(10));
    advance(Duration.ofSeconds(5));
    assertThat(deadline.expired()).isEmpty();
    assertThatThrownBy(() -> deadline.renewed(deadline.now(), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void advance(Duration duration) {
    clock.addAndGet(duration.toNanos());
  }
}
