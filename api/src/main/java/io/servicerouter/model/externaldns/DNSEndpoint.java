package io.servicerouter.model.externaldns;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * ExternalDNS's {@code DNSEndpoint} (externaldns.k8s.io/v1alpha1): the records an ExternalDNS instance
 * writes into its zone. The operator produces these; its CRD belongs to ExternalDNS, so no CRD is
 * generated for this class.
 */
@Group(DNSEndpoint.GROUP)
@Version("v1alpha1")
@Kind("DNSEndpoint")
@Plural("dnsendpoints")
public class DNSEndpoint extends CustomResource<DNSEndpointSpec, Void> implements Namespaced {

  /** ExternalDNS's API group. */
  public static final String GROUP = "externaldns.k8s.io";
  /** apiVersion of DNSEndpoint objects. */
  public static final String API_VERSION = GROUP + "/v1alpha1";
}
