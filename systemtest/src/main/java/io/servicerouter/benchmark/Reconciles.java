package io.servicerouter.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's reconcile counts per controller, scraped from its {@code /metrics}
 * ({@code servicerouter_reconcile_total}), so that a benchmark phase can tell how much work the fan-out caused.
 */
final class Reconciles {

  private static final Pattern SAMPLE =
      Pattern.compile("^servicerouter_reconcile_total\\{([^}]*)} ([0-9.eE+]+)$", Pattern.MULTILINE);
  private static final Pattern KIND = Pattern.compile("kind=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI metrics;

  Reconciles(int metricsPort) {
    this.metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
  }

  /** Reconciles so far by controller (successful and failed together); empty while the endpoint is not up. */
  Map<String, Long> read() {
    String body;
    try {
      body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
    Map<String, Long> counts = new TreeMap<>();
    Matcher sample = SAMPLE.matcher(body);
    while (sample.find()) {
      Matcher kind = KIND.matcher(sample.group(1));
      if (kind.find()) {
        counts.merge(kind.group(1), (long) Double.parseDouble(sample.group(2)), Long::sum);
      }
    }
    return counts;
  }

  /** The counts of {@code later} minus those of {@code earlier}. */
  static Map<String, Long> since(Map<String, Long> later, Map<String, Long> earlier) {
    Map<String, Long> delta = new TreeMap<>();
    later.forEach((kind, count) -> delta.put(kind, count - earlier.getOrDefault(kind, 0L)));
    return delta;
  }
}
