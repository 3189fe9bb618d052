package io.servicerouter.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The three processes of a {@link ControlPlane}, of which etcd and kube-apiserver can be stopped and started
 * again with their original command lines (same ports, data directory and certificates) to inject faults: a
 * replaced process takes its predecessor's place, so the process list always names the current ones.
 */
final class ControlPlaneProcesses {

  static final Duration ETCD_TIMEOUT = Duration.ofSeconds(30);
  static final Duration API_SERVER_TIMEOUT = Duration.ofSeconds(120);

  private final int etcdPort;
  private final BooleanSupplier apiServerReady;
  private final ManagedProcess controllerManager;
  private ManagedProcess etcd;
  private ManagedProcess apiServer;

  /**
   * @param apiServerReady true once the API server answers {@code /readyz} with {@code ok} (its checks include
   *     etcd), so that a restart returns when clients are served again
   */
  ControlPlaneProcesses(ManagedProcess etcd, int etcdPort, ManagedProcess apiServer,
      ManagedProcess controllerManager, BooleanSupplier apiServerReady) {
    this.etcd = etcd;
    this.etcdPort = etcdPort;
    this.apiServer = apiServer;
    this.controllerManager = controllerManager;
    this.apiServerReady = apiServerReady;
  }

  /** The current processes in start order: etcd, kube-apiserver, kube-controller-manager. */
  synchronized List<ManagedProcess> all() {
    return List.of(etcd, apiServer, controllerManager);
  }

  /** Kills kube-apiserver (SIGKILL), starts it again and awaits {@code /readyz}. */
  synchronized void restartApiServer() {
    stopApiServer();
    startApiServer();
  }

  /** Kills kube-apiserver (SIGKILL, as a crash) and waits for its exit; etcd keeps running. */
  synchronized void stopApiServer() {
    apiServer.kill();
  }

  /** Starts the killed kube-apiserver again with the same command line and returns once it is ready. */
  synchronized void startApiServer() {
    apiServer = apiServer.startAgain();
    apiServer.awaitReady("kube-apiserver /readyz after restart", API_SERVER_TIMEOUT, apiServerReady);
  }

  /**
   * Kills etcd (SIGKILL: on SIGTERM it waits for the API server's watch streams and is killed after the grace time
   * anyway) and waits for its exit; kube-apiserver keeps running without its storage. Nothing is lost: without
   * fsync the writes are still in the page cache.
   */
  synchronized void stopEtcd() {
    etcd.kill();
  }

  /**
   * Starts the stopped etcd again on its ports and data directory and returns once etcd is healthy and
   * kube-apiserver is ready again (its etcd client has reconnected).
   *
   * @throws IllegalStateException if etcd runs
   */
  synchronized void startEtcd() {
    etcd = etcd.startAgain();
    etcd.awaitReady("etcd health after restart", ETCD_TIMEOUT, () -> etcdHealthy(etcdPort));
    apiServer.awaitReady("kube-apiserver /readyz after the etcd restart", API_SERVER_TIMEOUT, apiServerReady);
  }

  /** Stops the processes, newest first (see {@link ManagedProcess#stopNewestFirst}). */
  synchronized void stop() {
    ManagedProcess.stopNewestFirst(all());
  }

  /** True if etcd on {@code port} reports itself healthy. */
  static boolean etcdHealthy(int port) {
    return LocalHttp.get("http://127.0.0.1:" + port + "/health")
        .filter(body -> body.contains("\"health\":\"true\"")).isPresent();
  }
}
