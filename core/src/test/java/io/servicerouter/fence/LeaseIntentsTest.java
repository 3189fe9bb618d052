package io.servicerouter.fence;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.cluster.ClusterIdentitySpec;
import io.servicerouter.model.cluster.ExternalDNSController;
import io.servicerouter.planner.ClusterContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaseIntentsTest {

  private static final List<ExternalDNSController> CONTROLLERS = List.of(
      controller("external-dns-weu", "weu", "http://weu-agent:8080"),
      controller("external-dns-neu", "neu", "http://neu-agent:8080"),
      controller("external-dns-frc", "weu", "http://frc-agent:8080"),
      controller("external-dns-unfenced", "weu", null));

  @Test
  void anAdopterTakesTheAdoptedZonesAndLeavesItsOwnToItsAgent() {
    assertThat(LeaseIntents.of(neu(List.of("weu")), Set.of("external-dns-weu", "external-dns-neu")))
        .extracting(LeaseIntent::controller, LeaseIntent::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("external-dns-weu", LeaseAction.TAKE),
            org.assertj.core.groups.Tuple.tuple("external-dns-neu", LeaseAction.NONE),
            org.assertj.core.groups.Tuple.tuple("external-dns-frc", LeaseAction.TAKE));
  }

  @Test
  void theHandBackWaitsUntilTheClustersDnsEndpointsForTheZoneAreGone() {
    assertThat(LeaseIntents.of(neu(List.of()), Set.of("external-dns-weu", "external-dns-neu")))
        .extracting(LeaseIntent::controller, LeaseIntent::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("external-dns-weu", LeaseAction.NONE),
            org.assertj.core.groups.Tuple.tuple("external-dns-neu", LeaseAction.NONE),
            org.assertj.core.groups.Tuple.tuple("external-dns-frc", LeaseAction.RELEASE));
    assertThat(LeaseIntents.of(neu(List.of()), Set.of("external-dns-neu")))
        .extracting(LeaseIntent::action).containsExactly(LeaseAction.RELEASE, LeaseAction.NONE, LeaseAction.RELEASE);
  }

  @Test
  void noIntentWithoutIdentityOrControllers() {
    assertThat(LeaseIntents.of(new ClusterContext(Optional.empty(), Optional.of(CONTROLLERS), List.of()), Set.of()))
        .isEmpty();
    ClusterIdentitySpec identity = neu(List.of()).identity().orElseThrow();
    assertThat(LeaseIntents.of(new ClusterContext(Optional.of(identity), Optional.empty(), List.of("neu")),
        Set.of())).isEmpty();
  }

  @Test
  void aZoneAdoptedAutomaticallyIsLeftToTheFailoverControllerNeverTakenByBreakGlass() {
    // served like a hand adoption, but not in spec.adoptsRegions: the lease was won by takeover and is renewed by
    // the failover controller; a TAKE here would break the glass against a home that reclaimed it meanwhile
    assertThat(LeaseIntents.of(neu(List.of(), List.of("weu")), Set.of("external-dns-weu")))
        .extracting(LeaseIntent::controller, LeaseIntent::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("external-dns-weu", LeaseAction.NONE),
            org.assertj.core.groups.Tuple.tuple("external-dns-neu", LeaseAction.NONE),
            org.assertj.core.groups.Tuple.tuple("external-dns-frc", LeaseAction.NONE));
  }

  private static ClusterContext neu(List<String> adopted) {
    return neu(adopted, List.of());
  }

  private static ClusterContext neu(List<String> byHand, List<String> automatically) {
    ClusterIdentitySpec identity = new ClusterIdentitySpec();
    identity.setRegion("neu");
    identity.setCluster("aks01");
    identity.setAdoptsRegions(byHand);
    List<String> served = new java.util.ArrayList<>(List.of("neu"));
    served.addAll(byHand);
    served.addAll(automatically);
    return new ClusterContext(Optional.of(identity), Optional.of(CONTROLLERS), served);
  }

  private static ExternalDNSController controller(String name, String region, String zoneAgent) {
    ExternalDNSController controller = new ExternalDNSController(name, region);
    controller.setZoneAgent(zoneAgent);
    return controller;
  }
}
