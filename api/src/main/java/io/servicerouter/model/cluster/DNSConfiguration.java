package io.servicerouter.model.cluster;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
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
 * The ExternalDNS controllers (one instance per zone in every cluster) and the region that feeds each.
 * Cluster-scoped; the oldest one is authoritative.
 */
@Group(ApiGroups.CLUSTER_GROUP)
@Version(ApiGroups.VERSION)
@Kind("DNSConfiguration")
@Plural("dnsconfigurations")
@Singular("dnsconfiguration")
@ShortNames("dnsc")
@Categories(ApiGroups.CATEGORY)
@SchemaMerge(value = SchemaFragments.SPEC_REQUIRED)
@AdditionalPrinterColumn(name = "Controllers", jsonPath = ".spec.externalDNSControllers[*].name")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class DNSConfiguration extends CustomResource<DNSConfigurationSpec, DNSConfigurationStatus> {
}
