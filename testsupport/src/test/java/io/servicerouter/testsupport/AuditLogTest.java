package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AuditLog}: writes by user since a mark, Leases apart; stages other than ResponseComplete and a
 * half-written last line are ignored.
 */
class AuditLogTest {

  private static final String LEASE =
      event("ResponseComplete", "op", "update", "coordination.k8s.io", "leases", "", 200);
  private static final String STATUS = event("ResponseComplete", "op", "update", "routing.router.io", "serviceroutes",
      "status", 200);
  private static final String OTHER_USER = event("ResponseComplete", "admin", "create", "", "events", "", 201);
  private static final String STARTED = event("ResponseStarted", "op", "patch", "externaldns.k8s.io", "dnsendpoints",
      "", 0);

  @TempDir
  Path directory;

  @Test
  void countsOneUsersWritesSinceAMarkWithoutLeases() throws IOException {
    AuditLog log = new AuditLog(directory.resolve("audit.log"));
    assertThat(log.mark()).isZero();
    assertThat(log.writes(0)).isEmpty();

    append(log, LEASE + "\n" + STATUS + "\n");
    long mark = log.mark();
    append(log, OTHER_USER + "\n" + STARTED + "\n" + LEASE + "\n" + STATUS + "\n" + STATUS.substring(0, 20));

    assertThat(log.writesBy("op", 0)).hasSize(2)
        .allSatisfy(event -> assertThat(event.toString())
            .isEqualTo("update routing.router.io/serviceroutes/status ns/name -> 200 by op"));
    assertThat(log.writesBy("op", mark)).hasSize(1);
    assertThat(log.leaseWritesBy("op", mark)).singleElement().satisfies(event -> assertThat(event.lease()).isTrue());
    assertThat(log.writesBy("admin", mark)).singleElement().satisfies(event -> assertThat(event.event()).isTrue());
    assertThat(log.writes(mark)).hasSize(3);
  }

  private static void append(AuditLog log, String text) throws IOException {
    Files.writeString(log.file(), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String event(String stage, String user, String verb, String group, String resource,
      String subresource, int code) {
    return """
        {"kind":"Event","stage":"%s","verb":"%s","user":{"username":"%s"},"objectRef":{"resource":"%s",\
        "subresource":"%s","namespace":"ns","name":"name","apiGroup":"%s"},"responseStatus":{"code":%d}}"""
        .formatted(stage, verb, user, resource, subresource, group, code);
  }
}
