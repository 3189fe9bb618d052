package io.servicerouter.testsupport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * kube-apiserver's {@code --advertise-address}: it refuses a loopback address and otherwise takes the IP of
 * the default-route interface, so the flag is only needed (with some non-loopback IPv4) where there is no
 * default route, as in a bare network namespace.
 */
final class AdvertiseAddress {

  private AdvertiseAddress() {}

  /** The flag to add: none when a default route exists. */
  static List<String> flags() {
    return hasDefaultRoute() ? List.of() : List.of("--advertise-address=" + nonLoopbackIpv4());
  }

  private static boolean hasDefaultRoute() {
    try {
      return Files.readAllLines(Path.of("/proc/net/route")).stream().skip(1)
          .map(l -> l.trim().split("\\s+")).anyMatch(f -> f.length > 1 && f[1].equals("00000000"));
    } catch (IOException e) {
      return false;
    }
  }

  private static String nonLoopbackIpv4() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (var address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      throw new IllegalStateException("cannot list the network interfaces", e);
    }
    throw new IllegalStateException("no default route and no non-loopback IPv4 address: kube-apiserver needs one");
  }
}
