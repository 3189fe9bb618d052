package io.servicerouter.testsupport;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.model.externaldns.DNSEndpointSpec;
import io.servicerouter.model.externaldns.Endpoint;
import java.util.List;

/** DNSEndpoints for the integration tests: one CNAME record (the shape the operator generates), or any records. */
public final class DnsEndpoints {

  /** The TTL of the test records, BIND's zone TTL. */
  public static final long TTL_SECONDS = 5;

  private DnsEndpoints() {}

  /** A DNSEndpoint {@code namespace/name} with one CNAME {@code dnsName -> target}. */
  public static DNSEndpoint cname(String namespace, String name, String dnsName, String target) {
    return of(namespace, name, List.of(new Endpoint(dnsName, "CNAME", List.of(target), TTL_SECONDS)));
  }

  /** A DNSEndpoint {@code namespace/name} with {@code endpoints}. */
  public static DNSEndpoint of(String namespace, String name, List<Endpoint> endpoints) {
    DNSEndpoint endpoint = new DNSEndpoint();
    endpoint.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    endpoint.setSpec(new DNSEndpointSpec(endpoints));
    return endpoint;
  }
}
