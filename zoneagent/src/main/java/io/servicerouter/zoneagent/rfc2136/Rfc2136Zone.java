package io.servicerouter.zoneagent.rfc2136;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;
import org.xbill.DNS.Update;

/**
 * One zone on its primary DNS server, reached over TCP and signed with this cluster's TSIG key: zone transfer
 * to list it, queries to read one record set, UPDATE messages to change it. No retries here: the fence decides
 * what a failure means.
 */
public final class Rfc2136Zone {

  private final String host;
  private final int port;
  private final Name origin;
  private final TSIG key;
  private final Duration timeout;

  /**
   * @param host the primary server's address
   * @param port its DNS port
   * @param zone the zone's name, e.g. {@code weu.example.test}
   * @param key this cluster's TSIG key, which the server must allow to update and transfer the zone
   * @param timeout per request
   */
  public Rfc2136Zone(String host, int port, String zone, TSIG key, Duration timeout) {
    this.host = host;
    this.port = port;
    this.origin = Names.absolute(zone);
    this.key = key;
    this.timeout = timeout;
  }

  /** The zone's name. */
  public Name origin() {
    return origin;
  }

  /** Every record of the zone, by AXFR. */
  public List<Record> transfer() throws IOException {
    ZoneTransferIn transfer = ZoneTransferIn.newAXFR(origin, host, port, key);
    transfer.setTimeout(timeout);
    try {
      transfer.run();
    } catch (ZoneTransferException e) {
      throw new IOException("AXFR of " + origin + " from " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return transfer.getAXFR();
  }

  /**
   * The strings of the TXT records at {@code name}, one entry per record (a record of several strings joined
   * without separator); empty when there is none.
   */
  public List<String> txt(Name name) throws IOException {
    Message response = resolver().send(Message.newQuery(Record.newRecord(name, Type.TXT, DClass.IN)));
    int rcode = response.getRcode();
    if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
      throw new IOException("TXT " + name + " from " + host + ":" + port + ": " + Rcode.string(rcode));
    }
    return response.getSection(Section.ANSWER).stream()
        .filter(TXTRecord.class::isInstance)
        .map(r -> String.join("", ((TXTRecord) r).getStrings()))
        .toList();
  }

  /** Sends one UPDATE and returns the server's response code ({@link Rcode#NOERROR} when it committed). */
  public int send(Update update) throws IOException {
    return resolver().send(update).getRcode();
  }

  /** An UPDATE message for this zone. */
  public Update update() {
    return new Update(origin);
  }

  private SimpleResolver resolver() throws IOException {
    SimpleResolver resolver = new SimpleResolver(host);
    resolver.setPort(port);
    resolver.setTCP(true);
    resolver.setTimeout(timeout);
    resolver.setTSIGKey(key);
    return resolver;
  }

  /** Where the zone is served, for messages. */
  @Override
  public String toString() {
    return origin + " at " + host + ":" + port;
  }
}
