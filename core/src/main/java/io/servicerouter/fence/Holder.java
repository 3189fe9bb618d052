package io.servicerouter.fence;

import java.util.regex.Pattern;

/**
 * Who may write a zone: a cluster and its region, written {@code cluster/region} as in the lease record.
 *
 * @param cluster the cluster name (ClusterIdentity {@code spec.cluster})
 * @param region the cluster's region (ClusterIdentity {@code spec.region})
 */
public record Holder(String cluster, String region) {

  private static final Pattern PART = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** Checks both parts (DNS-1123 labels, as the ClusterIdentity fields). */
  public Holder {
    require("cluster", cluster);
    require("region", region);
  }

  /** Parses {@code cluster/region}. */
  public static Holder parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      throw new IllegalArgumentException("a holder is written cluster/region, got '" + text + "'");
    }
    return new Holder(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return cluster + "/" + region;
  }

  private static void require(String field, String value) {
    if (value == null || value.length() > 63 || !PART.matcher(value).matches()) {
      throw new IllegalArgumentException("a holder's " + field + " must be a DNS-1123 label, got '" + value + "'");
    }
  }
}
