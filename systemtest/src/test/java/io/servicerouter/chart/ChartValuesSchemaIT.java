package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servicerouter.testsupport.HelmChart;
import io.servicerouter.testsupport.TestDirectories;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code values.schema.json} rejects bad values before anything is rendered, naming the value and the reason:
 * wrong types, unknown options and providers, missing settings of the ExternalDNS instances.
 */
class ChartValuesSchemaIT {

  private static final Path SINGLE_REGION =
      TestDirectories.repositoryRoot().resolve(HelmChart.CHART).resolve("ci/single-region-values.yaml");

  static Stream<Arguments> badValues() {
    String zones = "externalDns.zones=";
    return Stream.of(
        bad("a number given as text", "- at '/replicaCount': got string, want integer",
            "--set-string", "replicaCount=two"),
        bad("a misspelt option", "- at '': additional properties 'replicas' not allowed", "--set", "replicas=2"),
        bad("an unknown address-records mode",
            "- at '/operator/addressRecords': value must be one of 'all', 'active', 'off'",
            "--set", "operator.addressRecords=some"),
        bad("an unknown DNSEndpoint layout",
            "- at '/operator/dnsEndpointLayout': value must be one of 'namespace', 'route'",
            "--set", "operator.dnsEndpointLayout=zone"),
        bad("an unknown zone provider", "- at '/externalDns/zones/0/provider': additional properties 'route53' not allowed",
            "--set", "externalDns.enabled=true", "--set", "externalDns.clusterRegion=weu", "--set-json", zones
                + "[{\"controller\":\"external-dns-weu\",\"region\":\"weu\",\"provider\":{\"route53\":{}}}]"),
        bad("two providers for one zone", "- at '/externalDns/zones/0/provider': maxProperties: got 2, want 1",
            "--values", SINGLE_REGION.toString(),
            "--set", "externalDns.zones[0].provider.azurePrivateDns.subscriptionId=s",
            "--set", "externalDns.zones[0].provider.azurePrivateDns.resourceGroup=rg",
            "--set", "externalDns.zones[0].provider.azurePrivateDns.config.secretName=azure"),
        bad("ExternalDNS without this cluster's region", "- at '/externalDns': missing property 'clusterRegion'",
            "--values", SINGLE_REGION.toString(), "--set", "externalDns.clusterRegion=null"),
        bad("a zone without its region", "- at '/externalDns/zones/0': missing property 'region'",
            "--set", "externalDns.enabled=true", "--set", "externalDns.clusterRegion=weu", "--set-json", zones
                + "[{\"controller\":\"external-dns-weu\",\"provider\":{\"rfc2136\":{\"host\":\"h\","
                + "\"tsigKeyName\":\"k\",\"tsigSecret\":{\"name\":\"n\",\"key\":\"k\"}}}}]"),
        bad("a region that is not a DNS label", "- at '/externalDns/zones/0/region': 'West_Europe' does not match pattern",
            "--values", SINGLE_REGION.toString(), "--set", "externalDns.zones[0].region=West_Europe"),
        bad("ExternalDNS on without zones", "- at '/externalDns/zones': minItems: got 0, want 1",
            "--set", "externalDns.enabled=true", "--set", "externalDns.clusterRegion=weu"),
        bad("an rfc2136 zone without its TSIG secret",
            "- at '/externalDns/zones/0/provider/rfc2136': missing property 'tsigSecret'",
            "--set", "externalDns.enabled=true", "--set", "externalDns.clusterRegion=weu", "--set-json", zones
                + "[{\"controller\":\"external-dns-weu\",\"region\":\"weu\",\"provider\":{\"rfc2136\":"
                + "{\"host\":\"h\",\"tsigKeyName\":\"k\"}}}]"),
        bad("an interval that is not a duration", "- at '/externalDns/interval': 'soon' does not match pattern",
            "--values", SINGLE_REGION.toString(), "--set", "externalDns.interval=soon"),
        bad("a port out of range", "- at '/metrics/port': maximum: got 80,800, want 65,535",
            "--set", "metrics.port=80800"));
  }

  private static Arguments bad(String problem, String message, String... values) {
    return Arguments.of(problem, List.of(values), message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void rejectsWithTheValueAndTheReason(String problem, List<String> values, String message) {
    assertThatThrownBy(() -> RenderedChart.render(values.toArray(String[]::new)))
        .as(problem)
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(message);
  }
}
