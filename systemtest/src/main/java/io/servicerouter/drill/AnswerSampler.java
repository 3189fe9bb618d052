package io.servicerouter.drill;

import io.servicerouter.testsupport.DnsLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Queries names in zones continuously on a background thread and keeps, per zone and name, the sequence of
 * distinct consecutive CNAME answers ({@code "-"} for no record), so that a test can show a name never went back
 * to an earlier answer (no flapping).
 */
final class AnswerSampler implements AutoCloseable {

  private static final String NONE = "-";

  private final Map<Zone, DnsLookup> lookups;
  private final List<String> names;
  private final Map<String, List<String>> sequences = new LinkedHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile RuntimeException failure;
  private int rounds;

  private AnswerSampler(Map<Zone, DnsLookup> lookups, List<String> names) {
    this.lookups = lookups;
    this.names = names;
    this.thread = new Thread(this::run, "dns-answer-sampler");
  }

  /** Starts sampling {@code names} in every zone of {@code lookups}; a first round completes before returning. */
  static AnswerSampler start(Map<Zone, DnsLookup> lookups, List<String> names) {
    AnswerSampler sampler = new AnswerSampler(lookups, names);
    sampler.sampleOnce();
    sampler.thread.setDaemon(true);
    sampler.thread.start();
    return sampler;
  }

  /** Stops sampling (after a last complete round) and returns the answer sequences, keyed {@code <zone> <name>}. */
  Map<String, List<String>> stop() throws InterruptedException {
    running.set(false);
    thread.join();
    if (failure != null) {
      throw failure;
    }
    sampleOnce();
    return sequences;
  }

  /** How many complete rounds were sampled. */
  int rounds() {
    return rounds;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join();
  }

  private void run() {
    try {
      while (running.get()) {
        sampleOnce();
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private void sampleOnce() {
    lookups.forEach((zone, lookup) -> names.forEach(name -> {
      List<String> answer = lookup.answers(name, "CNAME");
      String value = answer.isEmpty() ? NONE : String.join(",", answer);
      List<String> sequence = sequences.computeIfAbsent(zone.label() + " " + name, key -> new ArrayList<>());
      if (sequence.isEmpty() || !Objects.equals(sequence.get(sequence.size() - 1), value)) {
        sequence.add(value);
      }
    }));
    rounds++;
  }
}
