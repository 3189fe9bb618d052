package io.servicerouter.operator;

import java.net.InetSocketAddress;
import java.util.Optional;

/** A {@code [host]:port} bind address of the operator's HTTP endpoints; {@code 0} disables the endpoint. */
public final class BindAddress {

  private BindAddress() {}

  /**
   * Parses {@code :8080}, {@code 127.0.0.1:8080} or {@code 0}.
   *
   * @return the socket address, or empty when disabled
   * @throws IllegalArgumentException when the value is not of that form
   */
  public static Optional<InetSocketAddress> parse(String value) {
    if ("0".equals(value)) {
      return Optional.empty();
    }
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("bind address must be [host]:port or 0: " + value);
    }
    String host = value.substring(0, colon);
    int port = Integer.parseInt(value.substring(colon + 1));
    return Optional.of(host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
  }
}
