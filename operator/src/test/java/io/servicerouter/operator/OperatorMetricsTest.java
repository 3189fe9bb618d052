package io.servicerouter.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JVM and process meters beside the operator's own, under the names the chart's alerts and dashboard use. */
class OperatorMetricsTest {

  @Test
  void exportsTheHeapUsedAndItsCeilingPerPool() {
    try (OperatorMetrics metrics = new OperatorMetrics("test")) {
      String scrape = metrics.scrape();

      assertThat(scrape)
          .containsPattern("(?m)^jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"} [0-9.E]+$")
          .containsPattern("(?m)^jvm_memory_max_bytes\\{area=\"heap\",id=\"[^\"]+\"} [-0-9.E]+$");
      // the ceilings of the pools that have one add up to at most -Xmx
      double ceilings = sum(scrape, "jvm_memory_max_bytes\\{area=\"heap\",id=\"[^\"]+\"} ([0-9.E]+)");
      assertThat(ceilings).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() * 1.01);
    }
  }

  @Test
  void exportsGcThreadsClassesCpuUptimeFilesAndResidentMemory() {
    try (OperatorMetrics metrics = new OperatorMetrics("test")) {
      System.gc(); // a pause to count; the JVM reports it asynchronously

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics.scrape())
          .contains("jvm_gc_pause_seconds_count{", "jvm_gc_pause_seconds_sum{"));
      assertThat(metrics.scrape()).contains("jvm_gc_memory_allocated_bytes_total ",
          "jvm_threads_live_threads ", "jvm_classes_loaded_classes ", "process_cpu_usage ", "system_cpu_count ",
          "process_uptime_seconds ", "process_start_time_seconds ", "process_files_open_files ",
          "process_files_max_files ", "process_resident_memory_bytes ");
    }
  }

  @Test
  void residentMemoryIsTheProcessesNotTheHeaps() {
    try (OperatorMetrics metrics = new OperatorMetrics("test")) {
      double resident = sum(metrics.scrape(), "process_resident_memory_bytes ([0-9.E]+)");

      Runtime runtime = Runtime.getRuntime();
      assertThat(resident).isGreaterThan(runtime.totalMemory() - runtime.freeMemory());
    }
  }

  private static double sum(String scrape, String line) {
    Matcher values = Pattern.compile("(?m)^" + line + "$").matcher(scrape);
    double sum = 0;
    while (values.find()) {
      sum += Double.parseDouble(values.group(1));
    }
    return sum;
  }
}
