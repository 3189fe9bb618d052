package io.servicerouter.zoneagent.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.zoneagent.webhook.Endpoint;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class RecordMappingTest {

  private static final String ZONE = "weu.example.test";

  @Test
  void aTransferBecomesOneEndpointPerNameAndTypeAsTheInTreeProviderLists() throws Exception {
    List<Record> transfer = List.of(
        record("weu.example.test.", Type.SOA, 5, "ns1 hostmaster 1 5 5 60 5"),
        record("weu.example.test.", Type.NS, 5, "ns1.weu.example.test."),
        record("multi.weu.example.test.", Type.A, 30, "10.0.0.1"),
        record("app.weu.example.test.", Type.CNAME, 60, "gw.example.org."),
        record("multi.weu.example.test.", Type.A, 99, "10.0.0.2"),
        record("v6.weu.example.test.", Type.AAAA, 5, "2001:db8:0:0:0:0:0:1"),
        record("_external-dns-owner.cname-app.weu.example.test.", Type.TXT, 0, "\"heritage=external-dns\""),
        record("_sr-lease.c.weu.example.test.", Type.TXT, 5, "\"v=1 holder=aks01/weu epoch=1\""),
        record("mail.weu.example.test.", Type.MX, 5, "10 mx.example.org."),
        record("weu.example.test.", Type.SOA, 5, "ns1 hostmaster 1 5 5 60 5"));

    assertThat(RecordMapping.endpoints(transfer)).containsExactly(
        Endpoint.of(ZONE, "NS", 5, List.of("ns1.weu.example.test")),
        Endpoint.of("multi." + ZONE, "A", 30, List.of("10.0.0.1", "10.0.0.2")),
        Endpoint.of("app." + ZONE, "CNAME", 60, List.of("gw.example.org")),
        Endpoint.of("v6." + ZONE, "AAAA", 5, List.of("2001:db8::1")),
        Endpoint.of("_external-dns-owner.cname-app." + ZONE, "TXT", 0, List.of("heritage=external-dns")));
  }

  @Test
  void writesUseTheLargerOfTheMinimumTtlAndTheEndpointsTtl() {
    RecordMapping mapping = new RecordMapping(10);
    assertThat(mapping.additions(Endpoint.of("app." + ZONE, "CNAME", 60, List.of("gw.example.org"))))
        .extracting(Record::getTTL, r -> r.rdataToString()).containsExactly(
            org.assertj.core.groups.Tuple.tuple(60L, "gw.example.org."));
    assertThat(mapping.additions(Endpoint.of("app." + ZONE, "CNAME", 0, List.of("gw.example.org"))))
        .extracting(Record::getTTL).containsExactly(10L);
    assertThat(new RecordMapping(0).additions(Endpoint.of("a." + ZONE, "A", 0, List.of("10.0.0.1", "10.0.0.2"))))
        .extracting(Record::getTTL, Record::rdataToString).containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, "10.0.0.1"), org.assertj.core.groups.Tuple.tuple(0L, "10.0.0.2"));
  }

  @Test
  void quotedRegistryTextIsOneStringAndATargetThatDoesNotParseIsLeftOut() {
    RecordMapping mapping = new RecordMapping(0);
    assertThat(mapping.additions(Endpoint.of("_o.cname-app." + ZONE, "TXT", 0,
        List.of("\"heritage=external-dns,external-dns/owner=c\""))))
        .extracting(r -> ((TXTRecord) r).getStrings())
        .containsExactly(List.of("heritage=external-dns,external-dns/owner=c"));
    assertThat(mapping.additions(Endpoint.of("a." + ZONE, "A", 0, List.of("not-an-address", "10.0.0.1"))))
        .extracting(Record::rdataToString).containsExactly("10.0.0.1");
  }

  @Test
  void ipv6AddressesArePrintedAsGoPrintsThem() throws Exception {
    assertThat(RecordMapping.GoAddresses.format(InetAddress.getByName("2001:db8:0:0:1:0:0:1")))
        .isEqualTo("2001:db8::1:0:0:1");
    assertThat(RecordMapping.GoAddresses.format(InetAddress.getByName("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
    assertThat(RecordMapping.GoAddresses.format(InetAddress.getByName("fe80:0:0:0:0:0:0:0"))).isEqualTo("fe80::");
    assertThat(RecordMapping.GoAddresses.format(InetAddress.getByName("2001:db8:1:2:3:4:5:6")))
        .isEqualTo("2001:db8:1:2:3:4:5:6");
    assertThat(RecordMapping.GoAddresses.format(InetAddress.getByName("2001:db8:0:1:2:3:4:5")))
        .isEqualTo("2001:db8:0:1:2:3:4:5");
  }

  private static Record record(String name, int type, long ttl, String data) throws Exception {
    return Record.fromString(Name.fromString(name), type, DClass.IN, ttl, data, Name.fromString(ZONE + "."));
  }
}
