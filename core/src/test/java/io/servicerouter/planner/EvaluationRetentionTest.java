package io.servicerouter.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.routing.Gateway;
import io.servicerouter.model.routing.ServiceRoute;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an evaluation keeps of its route results: a Gateway's evaluation visits every route of the Gateway once
 * and keeps none of their results (at 10,000 routes they were 39,000 desired DNSEndpoints held at once),
 * while a route asked for directly is kept for the callers that come back to it.
 */
class EvaluationRetentionTest {

  @Test
  void aGatewaysEvaluationKeepsNoRouteResults() throws IOException {
    List<HasMetadata> objects = ExampleObjects.activeSingleRegion();
    Evaluation evaluation = ExampleObjects.evaluationOf(objects);

    GatewayResult gateway = evaluation.gateway(ExampleObjects.first(objects, Gateway.class));

    assertThat(gateway.status().getAttachedRoutes()).isPositive();
    assertThat(evaluation.keptRouteResults()).isZero();
  }

  @Test
  void aRouteAskedForDirectlyIsKept() throws IOException {
    List<HasMetadata> objects = ExampleObjects.activeSingleRegion();
    Evaluation evaluation = ExampleObjects.evaluationOf(objects);
    ServiceRoute route = ExampleObjects.first(objects, ServiceRoute.class);

    RouteResult first = evaluation.route(route);

    assertThat(evaluation.keptRouteResults()).isEqualTo(1);
    assertThat(evaluation.route(route)).isSameAs(first);
  }
}
