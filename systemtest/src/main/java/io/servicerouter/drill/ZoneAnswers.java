package io.servicerouter.drill;

import static org.awaitility.Awaitility.await;

import io.servicerouter.testsupport.DnsLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Waits for a zone to answer a set of names with one CNAME target, and tells when the last one switched. */
final class ZoneAnswers {

  private static final Duration POLL = Duration.ofMillis(20);

  private ZoneAnswers() {
  }

  /**
   * Polls {@code names} (CNAME) in {@code lookup}'s zone until each has answered exactly {@code target} once, and
   * returns the instant the last of them first did.
   */
  static Instant awaitAll(DnsLookup lookup, List<String> names, String target, Duration timeout) {
    Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    List<String> expected = List.of(target);
    await("every name answering CNAME " + target).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
        .until(() -> {
          for (String name : names) {
            if (!firstSeen.containsKey(name) && lookup.answers(name, "CNAME").equals(expected)) {
              firstSeen.put(name, Instant.now());
            }
          }
          return firstSeen.size() == names.size();
        });
    return Collections.max(firstSeen.values());
  }
}
