package io.servicerouter.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @AfterEach
  void restoreTheDefaultText() {
    Logging.configure("info", false, System.err);
  }

  private String[] lines() {
    return out.toString(StandardCharsets.UTF_8).split("\n");
  }

  @Test
  void jsonLinesCarryTheObjectALineConcerns() throws Exception {
    Logging.configure("info", true, out);

    Logging.about("ServiceRoute", "team-a", "web", () -> LoggerFactory.getLogger("reconciler").info("status written"));
    LoggerFactory.getLogger("runtime").info("operator started");

    String[] lines = lines();
    assertThat(lines).hasSize(2);
    JsonNode concerning = new ObjectMapper().readTree(lines[0]);
    assertThat(concerning.path("level").asText()).isEqualTo("INFO");
    assertThat(concerning.path("message").asText()).isEqualTo("status written");
    assertThat(concerning.path("mdc").path("kind").asText()).isEqualTo("ServiceRoute");
    assertThat(concerning.path("mdc").path("namespace").asText()).isEqualTo("team-a");
    assertThat(concerning.path("mdc").path("name").asText()).isEqualTo("web");
    assertThat(new ObjectMapper().readTree(lines[1]).path("mdc").has("kind")).as("outside a reconcile").isFalse();
  }

  @Test
  void textLinesNameTheObjectBeforeTheMessage() {
    Logging.configure("info", false, out);

    Logging.about("ClusterIdentity", null, "cluster-identity", () -> LoggerFactory.getLogger("r").info("status written"));
    LoggerFactory.getLogger("r").info("operator started");

    assertThat(lines()[0]).endsWith(" r ClusterIdentity cluster-identity - status written");
    assertThat(lines()[1]).endsWith(" r - operator started");
  }

  @Test
  void aSecondConfigurationWritesToTheSameStreamAgain() {
    ClosableStream stream = new ClosableStream();
    Logging.configure("info", false, stream);
    Logging.configure("info", true, stream);

    LoggerFactory.getLogger("r").info("after the second configuration");

    assertThat(stream.closed).isFalse();
    assertThat(stream.toString(StandardCharsets.UTF_8)).contains("after the second configuration");
  }

  /** Refuses writes once closed, as standard error drops them. */
  private static final class ClosableStream extends ByteArrayOutputStream {
    private boolean closed;

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      super.write(bytes, offset, length);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void theLevelFiltersLines() {
    Logging.configure("warn", false, out);

    LoggerFactory.getLogger("r").info("hidden");
    LoggerFactory.getLogger("r").warn("shown");

    assertThat(lines()).hasSize(1);
    assertThat(lines()[0]).contains("WARN").endsWith("shown");
  }
}
