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
 * An ingress gateway: the Istio ingress controller that serves it, its TLS credential and the postfix of
 * its DNS name {@code {cluster}-{region}-{targetPostfix}.{domain}}. The operator writes an Istio Gateway
 * listing the hostnames of the routes attached to it.
 */
@Group(ApiGroups.ROUTING_GROUP)
@Version(ApiGroups.VERSION)
@Kind("Gateway")
@Plural("gateways")
@Singular("gateway")
@ShortNames("rgw")
@Categories(ApiGroups.CATEGORY)
@SchemaMerge(value = SchemaFragments.SPEC_REQUIRED)
@AdditionalPrinterColumn(name = "Controller", jsonPath = ".spec.controller")
@AdditionalPrinterColumn(name = "Postfix", jsonPath = ".spec.targetPostfix")
@AdditionalPrinterColumn(name = "Address", jsonPath = ".status.loadBalancerIP")
@AdditionalPrinterColumn(name = "Routes", jsonPath = ".status.attachedRoutes", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Gateway extends CustomResource<GatewaySpec, GatewayStatus> implements Namespaced {
}
