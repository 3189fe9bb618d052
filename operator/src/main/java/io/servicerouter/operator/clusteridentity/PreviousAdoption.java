package io.servicerouter.operator.clusteridentity;

import io.servicerouter.model.Json;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.planner.Snapshot;
import io.servicerouter.planner.SnapshotWithConfiguration;
import java.util.List;

/**
 * The inputs as they were before an adoption change: a snapshot equal to another one except that one
 * ClusterIdentity adopts the given regions, so that the DNSEndpoints a change adds or removes (SPEC §3.11
 * {@code <n>}) are a pure function of the desired states, independent of what other reconcilers already
 * deleted.
 */
final class PreviousAdoption {

  private PreviousAdoption() {}

  /**
   * @param current the snapshot of now
   * @param identity the ClusterIdentity whose adoption changed
   * @param adoptsRegions the regions it adopted before
   */
  static Snapshot of(Snapshot current, ClusterIdentity identity, List<String> adoptsRegions) {
    ClusterIdentity previous = Json.copy(identity);
    previous.getSpec().setAdoptsRegions(adoptsRegions.isEmpty() ? null : List.copyOf(adoptsRegions));
    if (previous.getStatus() != null) {
      previous.getStatus().setAdoptedRegions(null); // the list above holds every region adopted before, however
    }
    List<ClusterIdentity> identities = current.clusterIdentities().stream()
        .map(each -> each.getMetadata().getName().equals(identity.getMetadata().getName()) ? previous : each)
        .toList();
    return new SnapshotWithConfiguration(current, identities, current.dnsConfigurations());
  }
}
