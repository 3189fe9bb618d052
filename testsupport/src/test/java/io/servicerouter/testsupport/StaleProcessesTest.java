package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleProcessesTest {

  @Test
  void stopsTheProcessOfAPidFileWhoseProgramStillMatches(@TempDir Path root) throws IOException, InterruptedException {
    Path sleep = Binaries.systemTool("sleep");
    Process leftover = new ProcessBuilder(sleep.toString(), "300").start();
    Files.createDirectories(root.resolve("cluster/run"));
    new PidFile(leftover.pid(), sleep.toString()).write(root.resolve("cluster/run/sleep.pid"));

    StaleProcesses.stop(root);

    assertThat(leftover.waitFor(1, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void leavesAProcessAloneWhosePidWasReusedByAnotherProgram(@TempDir Path root) throws IOException {
    Path sleep = Binaries.systemTool("sleep");
    Process other = new ProcessBuilder(sleep.toString(), "300").start();
    try {
      new PidFile(other.pid(), "/nonexistent/etcd").write(root.resolve("etcd.pid"));

      StaleProcesses.stop(root);

      assertThat(other.isAlive()).isTrue();
    } finally {
      other.destroyForcibly();
    }
  }
}
