package io.servicerouter.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class BindAddressTest {

  @Test
  void aPortAloneBindsAllInterfaces() {
    assertThat(BindAddress.parse(":8080")).contains(new InetSocketAddress(8080));
  }

  @Test
  void aHostAndPortBindThatHost() {
    assertThat(BindAddress.parse("127.0.0.1:9090")).contains(new InetSocketAddress("127.0.0.1", 9090));
  }

  @Test
  void zeroDisables() {
    assertThat(BindAddress.parse("0")).isEmpty();
  }

  @Test
  void anythingElseIsRejected() {
    assertThatThrownBy(() -> BindAddress.parse("8080")).isInstanceOf(IllegalArgumentException.class);
  }
}
