package io.servicerouter.cli.render;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.servicerouter.model.Patterns;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the real API server says about creating an object: accepted (the object is deleted again at once), or
 * rejected with the field paths of its causes.
 *
 * @param accepted whether the create succeeded
 * @param fields the field paths of the rejection's causes, normalized (see {@link #fieldsOf})
 * @param message the server's message, for assertion descriptions
 */
record ApiServerVerdict(boolean accepted, Set<String> fields, String message) {

  /** The cause the API server adds when CEL rules were skipped because the schema checks failed already. */
  private static final String RULES_SKIPPED = "some validation rules were not checked";

  /**
   * Creates {@code object}; deletes it again if the server accepted it.
   *
   * @throws KubernetesClientException for any failure other than a rejection of the object
   */
  static ApiServerVerdict submit(KubernetesClient client, GenericKubernetesResource object) {
    GenericKubernetesResource created;
    try {
      created = client.resource(object).create();
    } catch (KubernetesClientException e) {
      return new ApiServerVerdict(false, rejectedFields(e, object), e.getStatus().getMessage());
    }
    client.resource(created).delete();
    return new ApiServerVerdict(true, Set.of(), "created");
  }

  /**
   * The field paths of a rejection: the causes of a 422 Invalid answer, with two normalizations where the
   * server's answer is not a field problem.
   * <ul>
   *   <li>A cause without a field saying that CEL rules were not checked (the server skips CEL when schema
   *       checks failed) names no problem of the object and is dropped.
   *   <li>An object in a namespace that does not exist is refused by the NamespaceLifecycle admission plugin
   *       (404, kind {@code namespaces}) before validation could report {@code metadata.namespace}; a namespace
   *       with an invalid name can never exist, so for such a namespace that refusal is the server's
   *       {@code metadata.namespace} rejection.
   * </ul>
   */
  private static Set<String> rejectedFields(KubernetesClientException e, GenericKubernetesResource object) {
    Status status = e.getStatus();
    if (e.getCode() == 404 && status != null && status.getDetails() != null
        && "namespaces".equals(status.getDetails().getKind())
        && !isDns1123Label(object.getMetadata().getNamespace())) {
      return Set.of("metadata.namespace");
    }
    if (e.getCode() != 422 || status == null || status.getDetails() == null) {
      throw e;
    }
    return status.getDetails().getCauses().stream()
        .filter(c -> !(hasNoField(c) && c.getMessage() != null && c.getMessage().contains(RULES_SKIPPED)))
        .map(StatusCause::getField)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean hasNoField(StatusCause cause) {
    return cause.getField() == null || cause.getField().isEmpty() || cause.getField().equals("<nil>");
  }

  private static boolean isDns1123Label(String name) {
    return name != null && name.length() <= Patterns.DNS1123_LABEL_MAX && name.matches(Patterns.DNS1123_LABEL);
  }
}
