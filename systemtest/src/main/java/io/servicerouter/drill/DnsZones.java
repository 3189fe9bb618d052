package io.servicerouter.drill;

import io.servicerouter.testsupport.BindServer;
import io.servicerouter.testsupport.DnsLookup;
import io.servicerouter.testsupport.UpdateLog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three regional private zones of the drill, each a BIND server of its own serving the platform domain
 * {@link DrillApplication#DOMAIN}.
 *
 * <p>Why one server per zone: as in production (one Azure private zone per region, all for the same domain), every
 * zone holds the <em>same</em> names; the operator writes one hostname for a route into every controller's
 * DNSEndpoint, and only the zone it lands in differs. Zones with distinct names (e.g. {@code weu.example.test}
 * and {@code neu.example.test}) on a single server cannot hold the same name, and no ExternalDNS flag rewrites
 * names per instance; a single named process would need one view per zone selected by destination address, which
 * {@link BindServer}, {@code ExternalDns} and {@code DnsLookup} (all on 127.0.0.1) do not offer. So each zone is
 * its own {@link BindServer} with the zone {@code example.test}, and a query "in the WEU zone" is a query to the
 * WEU server.
 */
public final class DnsZones implements AutoCloseable {

  private final Map<Zone, BindServer> servers;

  private DnsZones(Map<Zone, BindServer> servers) {
    this.servers = servers;
  }

  /** The clusters' regions, each the name of its TSIG key (one key per cluster, allowed in every zone). */
  public static final List<String> WRITERS = List.of("weu", "neu");

  /** Starts one BIND server per {@link Zone}, state and logs under {@code drill-dns-<zone>}. */
  public static DnsZones start() {
    Map<Zone, BindServer> servers = new EnumMap<>(Zone.class);
    List<BindServer> started = new ArrayList<>();
    try {
      for (Zone zone : Zone.values()) {
        BindServer server = BindServer.start("drill-dns-" + zone.label(), List.of(DrillApplication.DOMAIN),
            WRITERS);
        started.add(server);
        servers.put(zone, server);
      }
      return new DnsZones(servers);
    } catch (RuntimeException e) {
      started.forEach(BindServer::close);
      throw e;
    }
  }

  /** The server holding {@code zone}, for ExternalDNS. */
  public BindServer server(Zone zone) {
    return servers.get(zone);
  }

  /** A resolver that asks {@code zone}'s server, as a client in that region would. */
  public DnsLookup lookup(Zone zone) {
    return servers.get(zone).lookup();
  }

  /**
   * The fence's audit of every zone's update log (each key the cluster of its region): UPDATEs BIND refused and
   * data changes committed without the lease.
   */
  public UpdateLog.Audit audit() {
    Map<String, String> holderOfKey = new HashMap<>();
    WRITERS.forEach(region -> holderOfKey.put(region, DrillCluster.holder(region).toString()));
    int refused = 0;
    int committed = 0;
    List<UpdateLog.Entry> outOfLease = new ArrayList<>();
    for (BindServer server : servers.values()) {
      UpdateLog.Audit audit = server.updateLog().audit(holderOfKey);
      refused += audit.refused();
      committed += audit.committed();
      outOfLease.addAll(audit.committedOutOfLease());
    }
    return new UpdateLog.Audit(refused, committed, outOfLease);
  }

  /**
   * The lease records each zone's server committed with epoch 1 (creations: the protocol allows one per zone, by
   * its home; a second creator is refused, "RRset does not exist"), by zone, for the zones that have any.
   */
  public Map<Zone, List<String>> leaseCreations() {
    Map<Zone, List<String>> creations = new EnumMap<>(Zone.class);
    servers.forEach((zone, server) -> server.updateLog().entries().stream()
        .filter(entry -> !entry.leaseHolder().isEmpty() && entry.data().contains("epoch=1\""))
        .forEach(entry -> creations.computeIfAbsent(zone, z -> new ArrayList<>()).add(entry.leaseHolder())));
    return creations;
  }

  /** Stops every server. */
  @Override
  public void close() {
    servers.values().forEach(BindServer::close);
  }
}
