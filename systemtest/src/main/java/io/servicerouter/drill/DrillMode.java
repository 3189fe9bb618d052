package io.servicerouter.drill;

/**
 * The DNSPolicy mode of the drill's namespace, and with it the home cluster of each zone (SPEC §8.1): in Active
 * mode a zone's home is the cluster of its controller's region; with a RegionBound hub the hub is the home of every
 * zone. The home instance runs {@code sync}, every other instance {@code upsert-only}.
 */
public enum DrillMode {
  /** Active policies in both clusters: regional isolation. */
  ACTIVE("{mode: Active}", null),
  /** A RegionBound policy with {@code sourceRegion: weu}: WEU writes every zone, NEU writes nothing. */
  REGION_BOUND_WEU("{mode: RegionBound, sourceRegion: weu}", "weu");

  private final String policySpec;
  private final String hub;

  DrillMode(String policySpec, String hub) {
    this.policySpec = policySpec;
    this.hub = hub;
  }

  /** The DNSPolicy spec, flow YAML. */
  public String policySpec() {
    return policySpec;
  }

  /** The region whose cluster runs {@code zone}'s home (syncing) instance. */
  public String homeRegion(Zone zone) {
    return hub != null ? hub : zone.homeRegion();
  }
}
