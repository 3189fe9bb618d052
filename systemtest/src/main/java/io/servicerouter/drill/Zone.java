package io.servicerouter.drill;

import java.util.Locale;

/**
 * The drill's three private DNS zones and the ExternalDNS controller that writes each (SPEC §8.3): WEU and NEU
 * have a cluster, FRC has none and is written by the cross-region controller {@code external-dns-frc}, whose
 * region is {@code weu}.
 */
public enum Zone {
  /** The WEU zone, home region weu. */
  WEU("external-dns-weu", "weu"),
  /** The NEU zone, home region neu. */
  NEU("external-dns-neu", "neu"),
  /** The FRC zone: no cluster of its own, fed by whoever serves weu. */
  FRC("external-dns-frc", "weu");

  private final String controller;
  private final String homeRegion;

  Zone(String controller, String homeRegion) {
    this.controller = controller;
    this.homeRegion = homeRegion;
  }

  /** The controller name: DNSConfiguration entry, label filter, TXT owner id of every instance of this zone. */
  public String controller() {
    return controller;
  }

  /** The DNSConfiguration region of the controller: the region whose cluster runs the zone's home instance. */
  public String homeRegion() {
    return homeRegion;
  }

  /** The zone's short name, e.g. {@code weu}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
