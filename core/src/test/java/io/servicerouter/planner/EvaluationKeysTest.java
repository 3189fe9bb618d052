package io.servicerouter.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Json;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.model.routing.ServiceRoute;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An evaluation identifies objects by namespace and name, not by Java instance: a reconciler passes its
 * own copy of the primary (informers hand out new instances on every update), and the answer must be the
 * one for the snapshot's object — not, say, a hostname conflict of a route with itself.
 */
class EvaluationKeysTest {

  private static <T extends HasMetadata> T copyOf(List<HasMetadata> objects, Class<T> type) {
    return Json.copy(ExampleObjects.first(objects, type));
  }

  @Test
  void copiesOfSnapshotObjectsGetTheSnapshotObjectsResults() throws IOException {
    List<HasMetadata> objects = ExampleObjects.activeSingleRegion();
    Evaluation evaluation = ExampleObjects.evaluationOf(objects);

    RouteResult route = evaluation.route(copyOf(objects, ServiceRoute.class));
    assertThat(route.reason()).isEqualTo(Vocabulary.RECONCILIATION_SUCCEEDED);
    assertThat(route.action()).isEqualTo(RecordAction.CONVERGE);
    assertThat(evaluation.policy(copyOf(objects, DNSPolicy.class)).status().getPhase()).isEqualTo(Vocabulary.ACTIVE);
    assertThat(evaluation.status(copyOf(objects, ClusterIdentity.class)).getPhase()).isEqualTo(Vocabulary.ACTIVE);
  }
}
