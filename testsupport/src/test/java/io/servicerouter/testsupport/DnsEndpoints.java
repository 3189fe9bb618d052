package io.servicerouter.testsupport;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.DNSEndpointSpec;
import io.servicerouter.model.externaldns.Endpoint;
import java.util.List;

/** DNSEndpoints with one CNAME record, the shape the operator generates, for the integration tests. */
final class DnsEndpoints {

  /** The TTL of the test records, BIND's zone TTL. */
  static final long TTL_SECONDS = 5;

  private DnsEndpoints() {}

  /** A DNSEndpoint {@code namespace/name} with one CNAME {@code dnsName -> target}. */
  static DNSEndpoint cname(String namespace, String name, String dnsName, String target) {
    DNSEndpoint endpoint = new DNSEndpoint();
    endpoint.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    endpoint.setSpec(new DNSEndpointSpec(List.of(new Endpoint(dnsName, "CNAME", List.of(target), TTL_SECONDS))));
    return endpoint;
  }
}
