package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one DNS server on 127.0.0.1 directly (dnsjava, TCP, no cache), so a test sees exactly what the server
 * holds at that moment, and waits for an expected answer.
 */
public final class DnsLookup {

  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration POLL = Duration.ofMillis(10);

  private final int port;

  /** A resolver for the server on 127.0.0.1:{@code port}. */
  public DnsLookup(int port) {
    this.port = port;
  }

  /**
   * The data of the answer records of {@code name} and {@code type} ({@code "CNAME"}, {@code "A"}, ...), names
   * without their final dot; empty for NXDOMAIN or no data.
   *
   * @throws IllegalStateException for any other response code (e.g. REFUSED for a zone the server lacks)
   */
  public List<String> answers(String name, String type) {
    try {
      SimpleResolver resolver = new SimpleResolver("127.0.0.1");
      resolver.setPort(port);
      resolver.setTCP(true);
      resolver.setTimeout(QUERY_TIMEOUT);
      Record question = Record.newRecord(Name.fromString(name, Name.root), Type.value(type), DClass.IN);
      Message response = resolver.send(Message.newQuery(question));
      int rcode = response.getRcode();
      if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
        throw new IllegalStateException(type + " " + name + ": " + Rcode.string(rcode));
      }
      return response.getSection(Section.ANSWER).stream()
          .filter(r -> r.getType() == Type.value(type))
          .map(r -> withoutFinalDot(r.rdataToString()))
          .toList();
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + name, e);
    } catch (IOException e) {
      throw new UncheckedIOException(type + " " + name + " @127.0.0.1:" + port, e);
    }
  }

  /** Waits until the answers of {@code name}/{@code type} are exactly {@code expected} (empty: no record). */
  public void await(String name, String type, List<String> expected, Duration timeout) {
    Awaitility.await(type + " " + name + " = " + expected)
        .atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
        .until(() -> answers(name, type), expected::equals);
  }

  private static String withoutFinalDot(String data) {
    return data.endsWith(".") ? data.substring(0, data.length() - 1) : data;
  }
}
