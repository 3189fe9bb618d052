package io.servicerouter.zoneagent.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.zoneagent.webhook.Changes;
import io.servicerouter.zoneagent.webhook.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Update;

class UpdateBatchesTest {

  private static final String ZONE = "weu.example.test";
  private static final TXTRecord LEASE = new TXTRecord(name("_sr-lease.c." + ZONE), DClass.IN, 0,
      "v=1 holder=aks01/weu epoch=1");

  @Test
  void aRegistryRecordIsAboutTheNameItOwns() {
    assertThat(UpdateBatches.subject("_external-dns-owner.cname-app." + ZONE)).isEqualTo("app." + ZONE);
    assertThat(UpdateBatches.subject("_a._b.aaaa-v6." + ZONE)).isEqualTo("v6." + ZONE);
    assertThat(UpdateBatches.subject("app." + ZONE)).isEqualTo("app." + ZONE);
    assertThat(UpdateBatches.subject("cname-app." + ZONE)).isEqualTo("app." + ZONE);
  }

  @Test
  void aSmallPassIsOneMessageInTheInTreeOrderWithTheLeasePrerequisite() {
    Changes changes = new Changes(
        List.of(cname("new"), txt("new")),
        List.of(cname("moved")), List.of(cname("moved", "gw2.example.org")),
        List.of(cname("gone"), txt("gone")));
    List<Update> messages = new UpdateBatches(new RecordMapping(0)).messages(changes, this::conditioned);
    assertThat(messages).hasSize(1);
    Update update = messages.get(0);
    assertThat(update.getSection(Section.PREREQ)).containsExactly(LEASE);
    assertThat(update.getSection(Section.UPDATE)).extracting(r -> r.getDClass() + " " + r.getName())
        .containsExactly(
            DClass.IN + " new." + ZONE + ".", DClass.IN + " _o.cname-new." + ZONE + ".",
            DClass.NONE + " moved." + ZONE + ".", DClass.IN + " moved." + ZONE + ".",
            DClass.NONE + " gone." + ZONE + ".", DClass.NONE + " _o.cname-gone." + ZONE + ".");
  }

  @Test
  void aLargePassIsSplitBetweenNamesNeverBetweenARecordAndItsRegistryRecord() {
    List<Endpoint> creates = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      creates.add(cname("service-" + i));
      creates.add(txt("service-" + i));
    }
    List<Update> messages = new UpdateBatches(new RecordMapping(0))
        .messages(new Changes(creates, null, null, null), this::conditioned);

    assertThat(messages).hasSizeGreaterThan(1);
    int records = 0;
    for (Update update : messages) {
      assertThat(update.toWire().length).isLessThanOrEqualTo(UpdateBatches.MAX_MESSAGE_BYTES);
      assertThat(update.getSection(Section.PREREQ)).containsExactly(LEASE);
      List<Record> changes = update.getSection(Section.UPDATE);
      Set<String> subjects = changes.stream().map(r -> UpdateBatches.subject(r.getName().toString()))
          .collect(Collectors.toSet());
      assertThat(changes).hasSize(2 * subjects.size());
      records += changes.size();
    }
    assertThat(records).isEqualTo(6_000);
  }

  private Update conditioned() {
    Update update = new Update(name(ZONE));
    update.present(LEASE);
    return update;
  }

  private static Endpoint cname(String label) {
    return cname(label, "gw.example.org");
  }

  private static Endpoint cname(String label, String target) {
    return Endpoint.of(label + "." + ZONE, "CNAME", 5, List.of(target));
  }

  private static Endpoint txt(String label) {
    return Endpoint.of("_o.cname-" + label + "." + ZONE, "TXT", 0, List.of("\"heritage=external-dns\""));
  }

  private static Name name(String text) {
    return Names.absolute(text);
  }
}
