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
 * How the ServiceRoutes of one namespace are published: Active (the zones of the regions this cluster
 * serves) or RegionBound (every zone, from one source cluster). One per namespace; the oldest wins.
 */
@Group(ApiGroups.ROUTING_GROUP)
@Version(ApiGroups.VERSION)
@Kind("DNSPolicy")
@Plural("dnspolicies")
@Singular("dnspolicy")
@ShortNames("dnsp")
@Categories(ApiGroups.CATEGORY)
@SchemaMerge(property = "spec", value = SchemaFragments.DEFAULT_EMPTY_OBJECT)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.mode")
@AdditionalPrinterColumn(name = "SourceRegion", jsonPath = ".spec.sourceRegion")
@AdditionalPrinterColumn(name = "SourceCluster", jsonPath = ".spec.sourceCluster", priority = 1)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.active", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Controllers", jsonPath = ".status.activeControllers", priority = 1)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class DNSPolicy extends CustomResource<DNSPolicySpec, DNSPolicyStatus> implements Namespaced {
}
