package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.servicerouter.model.Labels;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events about the operator's objects. Events of cluster-scoped objects go to the
 * {@code default} namespace. A failed emission is logged and never fails the reconcile.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;

  /** Emits through {@code client}, time-stamped by {@code clock}. */
  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Emits one Event regarding {@code object}. */
  public void emit(HasMetadata object, Transitions.Transition transition) {
    String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    try {
      client.v1().events().inNamespace(namespace).resource(new EventBuilder()
          .withNewMetadata().withGenerateName(object.getMetadata().getName() + ".").withNamespace(namespace).endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(object.getApiVersion()).withKind(object.getKind())
              .withName(object.getMetadata().getName()).withNamespace(object.getMetadata().getNamespace())
              .withUid(object.getMetadata().getUid()).build())
          .withType(transition.type()).withReason(transition.reason()).withMessage(transition.message())
          .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
          .withNewSource().withComponent(Labels.OPERATOR_NAME).endSource()
          .withReportingComponent(Labels.OPERATOR_NAME)
          .build()).create();
      LOG.info("event {} {}", transition.reason(), transition.message());
    } catch (KubernetesClientException e) {
      LOG.warn("event {} not emitted: {}", transition.reason(), e.getMessage());
    }
  }
}
