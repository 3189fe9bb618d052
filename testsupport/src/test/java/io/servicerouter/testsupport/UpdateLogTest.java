package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateLogTest {

  /** Lines as BIND 9.18.49 logs them (taken from a run with nsupdate), plus one change out of lease. */
  private static final String LOG = """
      06-Dec-2026 01:41:56.433 running
      06-Dec-2026 01:41:57.901 client @0x7fd6ca4cf098 127.0.0.1#39427/key weu: signer "weu" approved
      06-Dec-2026 01:41:57.901 client @0x7fd6ca4cf098 127.0.0.1#39427/key weu: updating zone 'weu.example.test/IN': adding an RR at '_sr-lease.c.weu.example.test' TXT "v=1 holder=aks01/weu epoch=1"
      06-Dec-2026 01:41:58.001 client @0x7fd6ca4cf098 127.0.0.1#57425/key weu: updating zone 'weu.example.test/IN': adding an RR at 'app.weu.example.test' CNAME gw.weu.example.test.
      06-Dec-2026 01:41:58.045 client @0x7fd6ca4cf098 127.0.0.1#45692/key neu: updating zone 'weu.example.test/IN': update unsuccessful: _sr-lease.c.weu.example.test/TXT: 'RRset exists (value dependent)' prerequisite not satisfied (NXRRSET)
      06-Dec-2026 01:41:58.089 client @0x7fd6ca4cf098 127.0.0.1#49769/key weu: updating zone 'weu.example.test/IN': deleting an RR at app.weu.example.test CNAME
      06-Dec-2026 01:41:58.089 client @0x7fd6ca4cf098 127.0.0.1#49769/key weu: updating zone 'weu.example.test/IN': deleting rrset at '_sr-lease.c.weu.example.test' TXT
      06-Dec-2026 01:41:58.089 client @0x7fd6ca4cf098 127.0.0.1#49769/key weu: updating zone 'weu.example.test/IN': adding an RR at '_sr-lease.c.weu.example.test' TXT "v=1 holder=aks01/neu epoch=2"
      06-Dec-2026 01:41:58.100 client @0x7fd6ca4cf098 127.0.0.1#49770/key weu: updating zone 'weu.example.test/IN': adding an RR at 'late.weu.example.test' A 10.0.0.1
      06-Dec-2026 01:41:58.120 client @0x7fd6ca4cf098 127.0.0.1#49771/key neu: updating zone 'weu.example.test/IN': adding an RR at 'late.weu.example.test' A 10.0.0.2
      """;

  @Test
  void readsChangesAndRefusalsWithTheirKeys(@TempDir Path directory) throws Exception {
    UpdateLog log = read(directory);
    assertThat(log.entries()).extracting(UpdateLog.Entry::action).containsExactly(
        UpdateLog.Action.ADD, UpdateLog.Action.ADD, UpdateLog.Action.REFUSED, UpdateLog.Action.DELETE_RECORD,
        UpdateLog.Action.DELETE_RRSET, UpdateLog.Action.ADD, UpdateLog.Action.ADD, UpdateLog.Action.ADD);
    UpdateLog.Entry refused = log.entries().get(2);
    assertThat(refused).isEqualTo(new UpdateLog.Entry("45692", "neu", "weu.example.test", UpdateLog.Action.REFUSED,
        "_sr-lease.c.weu.example.test", "TXT", "NXRRSET"));
    assertThat(log.entries().get(3).name()).isEqualTo("app.weu.example.test");
    assertThat(log.entries().get(0).leaseHolder()).isEqualTo("aks01/weu");
    assertThat(log.entries().get(5).leaseHolder()).isEqualTo("aks01/neu");
  }

  @Test
  void theAuditFindsTheChangeCommittedAfterTheLeaseMovedAway(@TempDir Path directory) throws Exception {
    UpdateLog.Audit audit = read(directory).audit(Map.of("weu", "aks01/weu", "neu", "aks01/neu"));
    assertThat(audit.refused()).isEqualTo(1);
    assertThat(audit.committed()).as("app add, app delete, two late adds").isEqualTo(4);
    assertThat(audit.committedOutOfLease()).extracting(UpdateLog.Entry::name, UpdateLog.Entry::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("late.weu.example.test", "weu"));
    assertThat(audit.line()).isEqualTo("fence: 1 refused, 1 committed out of lease");
  }

  private static UpdateLog read(Path directory) throws Exception {
    Path file = directory.resolve("named.log");
    Files.writeString(file, LOG);
    return UpdateLog.read(file);
  }
}
