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
 * The identity of the cluster the operator runs in: region, cluster name, domain, environment letter and
 * the regions it stands in for. Cluster-scoped; the oldest one is authoritative.
 */
@Group(ApiGroups.CLUSTER_GROUP)
@Version(ApiGroups.VERSION)
@Kind("ClusterIdentity")
@Plural("clusteridentities")
@Singular("clusteridentity")
@ShortNames("ci")
@Categories(ApiGroups.CATEGORY)
@SchemaMerge(value = SchemaFragments.SPEC_REQUIRED)
@AdditionalPrinterColumn(name = "Region", jsonPath = ".spec.region")
@AdditionalPrinterColumn(name = "Cluster", jsonPath = ".spec.cluster")
@AdditionalPrinterColumn(name = "Domain", jsonPath = ".spec.domain")
@AdditionalPrinterColumn(name = "Env", jsonPath = ".spec.environmentLetter")
@AdditionalPrinterColumn(name = "Adopts", jsonPath = ".spec.adoptsRegions")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ClusterIdentity extends CustomResource<ClusterIdentitySpec, ClusterIdentityStatus> {
}
