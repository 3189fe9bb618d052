package io.servicerouter.zoneagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZoneAgentCommandTest {

  @Test
  void minimumTtlsAreGoDurationsAsTheChartPassesExternalDnsOnes() {
    assertThat(ZoneAgentCommand.seconds("--min-ttl", "0")).isZero();
    assertThat(ZoneAgentCommand.seconds("--min-ttl", "0s")).isZero();
    assertThat(ZoneAgentCommand.seconds("--min-ttl", "30s")).isEqualTo(30);
    assertThat(ZoneAgentCommand.seconds("--min-ttl", "1m30s")).isEqualTo(90);
    assertThat(ZoneAgentCommand.seconds("--min-ttl", "2h")).isEqualTo(7200);
    assertThatThrownBy(() -> ZoneAgentCommand.seconds("--min-ttl", "30")).hasMessageContaining("--min-ttl must be");
    assertThatThrownBy(() -> ZoneAgentCommand.seconds("--min-ttl", "1d")).hasMessageContaining("'1d'");
    assertThatThrownBy(() -> ZoneAgentCommand.seconds("--min-ttl", "")).hasMessageContaining("duration");
  }
}
