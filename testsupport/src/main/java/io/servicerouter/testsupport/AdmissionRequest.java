package io.servicerouter.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a validating admission webhook was asked ({@code AdmissionReview.request}), reduced to what a
 * fault-injection test filters on.
 *
 * @param uid the request's uid, echoed in the response
 * @param user {@code userInfo.username}, e.g. the CN of a {@link ControlPlane#clientAs(String)} client
 * @param operation {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code CONNECT}
 * @param resource the resource, with {@code /<subresource>} if any, as in webhook rules: {@code dnsendpoints},
 *     {@code serviceroutes/status}
 * @param namespace the namespace, empty for cluster-scoped objects
 * @param name the object's name (empty for a create with {@code generateName})
 */
public record AdmissionRequest(String uid, String user, String operation, String resource, String namespace,
    String name) {

  /** Reads the {@code request} of an {@code admission.k8s.io/v1} AdmissionReview. */
  static AdmissionRequest of(JsonNode request) {
    String subResource = request.path("subResource").asText("");
    return new AdmissionRequest(request.path("uid").asText(), request.path("userInfo").path("username").asText(""),
        request.path("operation").asText(""),
        request.path("resource").path("resource").asText("") + (subResource.isEmpty() ? "" : "/" + subResource),
        request.path("namespace").asText(""), request.path("name").asText(""));
  }
}
