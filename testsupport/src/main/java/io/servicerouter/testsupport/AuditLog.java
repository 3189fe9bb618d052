package io.servicerouter.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the API server's audit log ({@link AuditPolicy}): the write requests, optionally since a mark, by user.
 * Counting writes from the API server's side sees every request a client sent, including those its own
 * bookkeeping would miss.
 *
 * <pre>
 * long mark = controlPlane.auditLog().mark();
 * ... let the operator run ...
 * assertThat(controlPlane.auditLog().writesBy("service-router-operator", mark)).isEmpty();
 * </pre>
 *
 * @param file the audit log file (JSON lines)
 */
public record AuditLog(Path file) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The current end of the log: events logged after this call are those {@link #writes(long)} returns for it. */
  public long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every completed write logged after {@code mark} (0 for the whole log), Leases included, in log order. */
  public List<AuditEvent> writes(long mark) {
    List<AuditEvent> events = new ArrayList<>();
    for (String line : completeLinesAfter(mark)) {
      try {
        JsonNode event = JSON.readTree(line);
        if ("ResponseComplete".equals(event.path("stage").asText())) {
          events.add(AuditEvent.of(event));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable audit event: " + line, e);
      }
    }
    return events;
  }

  /** The writes of {@code user} logged after {@code mark}, except those on Leases. */
  public List<AuditEvent> writesBy(String user, long mark) {
    return writes(mark).stream().filter(event -> user.equals(event.user()) && !event.lease()).toList();
  }

  /** The writes of {@code user} on Leases logged after {@code mark}. */
  public List<AuditEvent> leaseWritesBy(String user, long mark) {
    return writes(mark).stream().filter(event -> user.equals(event.user()) && event.lease()).toList();
  }

  /** The lines after byte {@code mark} that end with a newline (the API server may be writing the last one). */
  private List<String> completeLinesAfter(long mark) {
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > mark && bytes[end - 1] != '\n') {
        end--;
      }
      if (end <= mark) {
        return List.of();
      }
      String text = new String(bytes, (int) mark, end - (int) mark, StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
