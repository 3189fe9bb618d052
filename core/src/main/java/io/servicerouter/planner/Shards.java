package io.servicerouter.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a controller's records of one namespace over shards (SPEC §4.6): as few as keep every shard within
 * {@value #MAX_ENDPOINTS} endpoints and {@value #MAX_BYTES} bytes, each route placed by a hash of its name. The
 * placement depends only on the route's name and the number of shards, so adding or removing a route rewrites
 * one object unless the number of shards changes.
 */
final class Shards {

  /** Most endpoints in one DNSEndpoint. */
  static final int MAX_ENDPOINTS = 1000;
  /** Most estimated bytes of records in one DNSEndpoint (the API server stores objects up to 1.5 MiB). */
  static final int MAX_BYTES = 512 * 1024;

  private Shards() {}

  /** The records (sorted) split over shards, each keeping the sorted order; shard i is named by index i. */
  static List<List<RouteRecord>> split(List<RouteRecord> sorted) {
    long bytes = sorted.stream().mapToLong(RouteRecord::estimatedBytes).sum();
    int least = (int) Math.max(1, Math.max(ceilDiv(sorted.size(), MAX_ENDPOINTS), ceilDiv(bytes, MAX_BYTES)));
    for (int count = least; count < 2 * least + 2; count++) {
      List<List<RouteRecord>> shards = place(sorted, count);
      if (shards.stream().allMatch(Shards::fits)) {
        return shards;
      }
    }
    return chunks(sorted);
  }

  private static List<List<RouteRecord>> place(List<RouteRecord> sorted, int count) {
    List<List<RouteRecord>> shards = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      shards.add(new ArrayList<>());
    }
    for (RouteRecord record : sorted) {
      shards.get(count == 1 ? 0 : Math.floorMod(mix(record.route().hashCode()), count)).add(record);
    }
    return shards;
  }

  private static boolean fits(List<RouteRecord> shard) {
    return shard.size() <= 1
        || shard.size() <= MAX_ENDPOINTS && shard.stream().mapToLong(RouteRecord::estimatedBytes).sum() <= MAX_BYTES;
  }

  /**
   * Consecutive chunks of the sorted records, each as full as the limits allow: the fallback when hashing keeps
   * overfilling a shard (names chosen to share a hash code), so that the number of shards stays bounded.
   */
  private static List<List<RouteRecord>> chunks(List<RouteRecord> sorted) {
    List<List<RouteRecord>> shards = new ArrayList<>();
    List<RouteRecord> current = new ArrayList<>();
    long bytes = 0;
    for (RouteRecord record : sorted) {
      if (!current.isEmpty() && (current.size() == MAX_ENDPOINTS || bytes + record.estimatedBytes() > MAX_BYTES)) {
        shards.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(record);
      bytes += record.estimatedBytes();
    }
    shards.add(current);
    return shards;
  }

  /** Spreads similar names (web-1, web-2, …) evenly: the finaliser of MurmurHash3. */
  private static int mix(int hash) {
    int h = hash;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static long ceilDiv(long value, long divisor) {
    return (value + divisor - 1) / divisor;
  }
}
