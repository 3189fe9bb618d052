package io.servicerouter.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servicerouter.planner.AddressRecordsMode;
import io.servicerouter.planner.DnsEndpointLayout;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OperatorCommandTest {

  private static OperatorCommand parse(String... args) {
    OperatorCommand command = new OperatorCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void defaultsFollowSpec71() {
    OperatorCommand command = parse();
    OperatorSettings settings = command.settings();

    assertThat(settings.options().defaultGatewayNamespace()).isEqualTo("istio-system");
    assertThat(settings.options().addressRecords()).isEqualTo(AddressRecordsMode.ACTIVE);
    assertThat(settings.options().dnsEndpointLayout()).isEqualTo(DnsEndpointLayout.NAMESPACE);
    assertThat(settings.maxConcurrentReconciles()).isEqualTo(4);
    assertThat(settings.scope().all()).isTrue();
    assertThat(settings.leaderElection()).isEmpty();
    assertThat(command.metricsBindAddress).isEqualTo(":8080");
    assertThat(command.healthProbeBindAddress).isEqualTo(":8081");
  }

  @Test
  void theOldGatewayNamespaceOptionIsAnAlias() {
    assertThat(parse("--default-router-gateway-namespace", "gw").settings().options().defaultGatewayNamespace())
        .isEqualTo("gw");
  }

  @Test
  void leaderElectionUsesTheFixedLeaseName() {
    OperatorSettings settings = parse("--leader-elect", "--leader-election-namespace", "ops").settings();

    assertThat(settings.leaderElection()).contains(new OperatorSettings.Lease("3afd9a04.router.io", "ops"));
    assertThat(parse("--leader-elect=false").settings().leaderElection()).isEmpty();
  }

  @Test
  void watchNamespacesAreCommaSeparated() {
    assertThat(parse("--watch-namespaces", "a,b").settings().scope().namespaces()).isEqualTo(List.of("a", "b"));
  }

  @Test
  void routeLayoutIsSelectable() {
    assertThat(parse("--dnsendpoint-layout", "route").settings().options().dnsEndpointLayout())
        .isEqualTo(DnsEndpointLayout.ROUTE);
  }

  @Test
  void invalidValuesAreUsageErrors() {
    assertThatThrownBy(() -> parse("--dnsendpoint-layout", "zone").settings())
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--dnsendpoint-layout");
    assertThatThrownBy(() -> parse("--address-records", "some").settings())
        .isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--max-concurrent-reconciles", "0").settings())
        .isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> parse("--log-level", "loud").settings())
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--log-level");
    assertThatThrownBy(() -> parse("--log-format", "xml").settings())
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--log-format");
  }

  @Test
  void theCrdCheckCoversTheSevenRequiredCrds() {
    assertThat(CrdCheck.required()).extracting(CrdCheck.Required::toString).containsExactly(
        "clusteridentities.cluster.router.io (v1alpha1)", "dnsconfigurations.cluster.router.io (v1alpha1)",
        "dnspolicies.routing.router.io (v1alpha1)", "gateways.routing.router.io (v1alpha1)",
        "serviceroutes.routing.router.io (v1alpha1)", "dnsendpoints.externaldns.k8s.io (v1alpha1)",
        "gateways.networking.istio.io (v1)");
  }
}
