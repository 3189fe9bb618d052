package io.servicerouter.model.routing;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.servicerouter.model.ApiGroups;
import io.servicerouter.model.schema.SchemaFragments;
import io.servicerouter.model.schema.SchemaMerge;

/**
 * A service's DNS name {@code {serviceName}-ns-{E}-{environment}-{application}.{domain}}, published as a
 * CNAME to its Gateway's name in every zone its namespace's DNSPolicy selects, and listed on the Istio
 * Gateway.
 */
@Group(ApiGroups.ROUTING_GROUP)
@Version(ApiGroups.VERSION)
@Kind("ServiceRoute")
@Plural("serviceroutes")
@Singular("serviceroute")
@ShortNames("sr")
@Categories(ApiGroups.CATEGORY)
@SchemaMerge(value = SchemaFragments.SPEC_REQUIRED)
@AdditionalPrinterColumn(name = "Hostname", jsonPath = ".status.hostname")
@AdditionalPrinterColumn(name = "Gateway", jsonPath = ".spec.gatewayName")
@AdditionalPrinterColumn(name = "Target", jsonPath = ".status.targetHost", priority = 1)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ServiceRoute extends CustomResource<ServiceRouteSpec, ServiceRouteStatus> implements Namespaced {
}
