package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.HashSet;
import java.util.Set;

/**
 * Free ports on 127.0.0.1, picked by the kernel ({@code new ServerSocket(0)}), never fixed numbers, so that
 * parallel builds and a second control plane do not collide. A port is never handed out twice per JVM.
 */
public final class FreePorts {

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** A TCP port that is free now. */
  public static synchronized int tcp() {
    while (true) {
      int port = pickTcp();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
  }

  /** A port free now for both TCP and UDP (a DNS server listens on both). */
  public static synchronized int tcpAndUdp() {
    while (true) {
      int port = pickTcp();
      if (!HANDED_OUT.contains(port) && udpFree(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
  }

  private static int pickTcp() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
    }
  }

  private static boolean udpFree(int port) {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
      return socket.getLocalPort() == port;
    } catch (SocketException e) {
      return false;
    }
  }
}
