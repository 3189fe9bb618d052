package io.servicerouter.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.servicerouter.model.routing.ServiceRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared serialization leaves {@code metadata.managedFields} out both ways and keeps the rest of metadata. */
class JsonTest {

  private static final String STORED_ROUTE = """
      {"apiVersion": "routing.router.io/v1alpha1", "kind": "ServiceRoute",
       "metadata": {"name": "web", "namespace": "team-a", "resourceVersion": "42", "labels": {"app": "web"},
         "managedFields": [{"manager": "kubectl", "operation": "Apply", "fieldsType": "FieldsV1",
           "fieldsV1": {"f:spec": {"f:serviceName": {}}}}]},
       "spec": {"serviceName": "web"}}
      """;

  @Test
  void parsingSkipsManagedFieldsAndKeepsTheRestOfMetadata() {
    ServiceRoute route = Json.read(STORED_ROUTE, ServiceRoute.class);

    assertThat(route.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(route.getMetadata().getName()).isEqualTo("web");
    assertThat(route.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(route.getMetadata().getLabels()).containsEntry("app", "web");
    assertThat(route.getMetadata().getAdditionalProperties()).isEmpty();
    assertThat(route.getSpec().getServiceName()).isEqualTo("web");
  }

  @Test
  void writingLeavesManagedFieldsOut() {
    ServiceRoute route = Json.read(STORED_ROUTE, ServiceRoute.class);
    route.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl").build()));

    assertThat(Json.toNode(route).path("metadata").has("managedFields")).isFalse();
    assertThat(Json.serialization().asJson(route)).doesNotContain("managedFields").contains("\"name\":\"web\"");
  }
}
