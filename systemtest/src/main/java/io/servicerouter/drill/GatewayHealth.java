package io.servicerouter.drill;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A drill cluster's ingress gateway health endpoint, as Istio's {@code :15021/healthz/ready} behind the region's
 * load balancer: {@code GET /healthz/ready} answers 200 while healthy, 503 while not. The drill switches it to fail
 * a region's data plane; the other cluster's operator probes it.
 */
final class GatewayHealth implements AutoCloseable {

  private final AtomicBoolean healthy = new AtomicBoolean(true);
  /** Half a period of flapping in nanoseconds, or 0 when not flapping. */
  private volatile long flapHalfPeriod;
  private final HttpServer server;

  GatewayHealth() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/healthz/ready", exchange -> {
      long half = flapHalfPeriod;
      boolean up = half > 0 ? (System.nanoTime() / half) % 2 == 0 : healthy.get();
      int status = up ? 200 : 503;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** The probe URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/healthz/ready";
  }

  /** Makes the gateway healthy or not (and stops flapping). */
  void healthy(boolean value) {
    flapHalfPeriod = 0;
    healthy.set(value);
  }

  /** Makes the gateway alternate between healthy and unhealthy every {@code half} (by this JVM's clock). */
  void flap(java.time.Duration half) {
    flapHalfPeriod = half.toNanos();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
