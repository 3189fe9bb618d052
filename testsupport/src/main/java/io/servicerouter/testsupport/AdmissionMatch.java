package io.servicerouter.testsupport;

import java.util.Optional;

/**
 * Which admission requests a fault of {@link AdmissionFaults} applies to: each part left empty matches anything.
 * Built from {@link #any()} with the {@code with...} methods, e.g.
 * {@code AdmissionMatch.any().withUser("operator").withOperation("CREATE")}.
 *
 * @param user the {@link AdmissionRequest#user()}
 * @param operation the {@link AdmissionRequest#operation()}
 * @param resource the {@link AdmissionRequest#resource()}, e.g. {@code dnsendpoints} or {@code serviceroutes/status}
 * @param name the {@link AdmissionRequest#name()}
 */
public record AdmissionMatch(Optional<String> user, Optional<String> operation, Optional<String> resource,
    Optional<String> name) {

  /** Matches every request. */
  public static AdmissionMatch any() {
    return new AdmissionMatch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Requests of this user only. */
  public AdmissionMatch withUser(String value) {
    return new AdmissionMatch(Optional.of(value), operation, resource, name);
  }

  /** Requests of this operation only ({@code CREATE}, {@code UPDATE}, {@code DELETE}). */
  public AdmissionMatch withOperation(String value) {
    return new AdmissionMatch(user, Optional.of(value), resource, name);
  }

  /** Requests on this resource only (with {@code /<subresource>} for a subresource). */
  public AdmissionMatch withResource(String value) {
    return new AdmissionMatch(user, operation, Optional.of(value), name);
  }

  /** Requests on objects of this name only. */
  public AdmissionMatch withName(String value) {
    return new AdmissionMatch(user, operation, resource, Optional.of(value));
  }

  /** True if {@code request} has every part given. */
  public boolean test(AdmissionRequest request) {
    return user.map(request.user()::equals).orElse(true)
        && operation.map(request.operation()::equals).orElse(true)
        && resource.map(request.resource()::equals).orElse(true)
        && name.map(request.name()::equals).orElse(true);
  }
}
