package io.servicerouter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicerouter.cli.CliRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §4.6: {@code render} of the same inputs in the namespace and the route layout yields the same records, as
 * (dnsName, recordType, targets, recordTTL) with multiplicity, for every golden input (with its other options).
 * The one exception is the route layout's own name collision (SPEC §3.10: route {@code web} with controller
 * {@code external-dns-weu} against route {@code web-external} with controller {@code dns-weu}), which fails the
 * younger route there; group names cannot collide that way, so the namespace layout publishes that route too.
 */
class LayoutEquivalenceTest {

  static Stream<String> cases() throws IOException {
    return PlannerGoldenTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bothLayoutsRenderTheSameRecords(String name) throws IOException {
    List<String> arguments = new ArrayList<>(PlannerGoldenTest.arguments(PlannerGoldenTest.GOLDEN.resolve(name)));
    arguments.removeIf(argument -> argument.startsWith("--dnsendpoint-layout") || argument.equals("--status"));

    List<String> grouped = records(arguments, "namespace");
    List<String> perRoute = records(arguments, "route");

    if (routeLayoutNameCollision(arguments)) {
      assertThat(grouped).as("records in the namespace layout").containsAll(perRoute);
    } else {
      assertThat(grouped).as("records in the namespace layout").containsExactlyInAnyOrderElementsOf(perRoute);
    }
  }

  private static boolean routeLayoutNameCollision(List<String> arguments) {
    return render(arguments, "route", "--status").stream().anyMatch(document ->
        "ServiceRoute".equals(document.path("kind").asText())
            && document.path("status").path("conditions").path(0).path("reason").asText().equals("DNSEndpointConflict"));
  }

  private static List<JsonNode> render(List<String> arguments, String layout, String... more) {
    List<String> args = new ArrayList<>(arguments);
    args.add("--dnsendpoint-layout=" + layout);
    args.addAll(List.of(more));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    return run.outDocuments();
  }

  private static List<String> records(List<String> arguments, String layout) {
    List<String> records = new ArrayList<>();
    for (JsonNode document : render(arguments, layout)) {
      if ("DNSEndpoint".equals(document.path("kind").asText())) {
        for (JsonNode endpoint : document.path("spec").path("endpoints")) {
          records.add(endpoint.path("dnsName").asText() + " " + endpoint.path("recordType").asText() + " "
              + endpoint.path("targets") + " " + endpoint.path("recordTTL").asText("-"));
        }
      }
    }
    return records;
  }
}
