package io.servicerouter.testsupport;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A local Kubernetes control plane: etcd, kube-apiserver (client-certificate authentication, RBAC) and
 * kube-controller-manager (garbage collector and namespace controllers), on 127.0.0.1 with free ports, with
 * the operator's CRDs (or another directory's) and the DNSEndpoint and Istio Gateway CRDs installed. Independent
 * instances can run side by side (different names), e.g. to simulate two clusters. The API server audits the
 * writes on the operator's kinds, outputs, Events and Leases ({@link AuditPolicy}, read with {@link #auditLog()});
 * clients with their own user name ({@link #clientAs(String)}) make one client's writes countable apart from the
 * others'.
 */
public final class ControlPlane implements AutoCloseable {

  private static final Duration ETCD_TIMEOUT = ControlPlaneProcesses.ETCD_TIMEOUT;
  private static final Duration API_SERVER_TIMEOUT = ControlPlaneProcesses.API_SERVER_TIMEOUT;
  private static final AtomicBoolean FIRST_START_IN_JVM = new AtomicBoolean(true);

  private final String name;
  private final String serverUrl;
  private final Kubeconfig kubeconfig;
  private final KubernetesClient client;
  private final ControlPlaneProcesses processes;
  private final Duration startupTime;
  private final Pki pki;
  private final Path state;
  private final AuditPolicy audit;

  private ControlPlane(String name, String serverUrl, Kubeconfig kubeconfig, KubernetesClient client,
      ControlPlaneProcesses processes, Duration startupTime, Pki pki, Path state, AuditPolicy audit) {
    this.pki = pki;
    this.state = state;
    this.audit = audit;
    this.name = name;
    this.serverUrl = serverUrl;
    this.kubeconfig = kubeconfig;
    this.client = client;
    this.processes = processes;
    this.startupTime = startupTime;
  }

  /**
   * Starts a control plane and returns once it serves the CRDs. State goes to {@code <build dir>/it-state/<name>},
   * logs to {@code <build dir>/it-logs/<name>}; the start-up time is printed and appended to
   * {@code <build dir>/it-logs/control-plane-startup.txt}.
   *
   * @param name a name unique among the running control planes of this JVM (letters, digits, dashes)
   * @throws IllegalStateException with the log tail of the failing process if it does not come up
   */
  public static ControlPlane start(String name) {
    return start(name, Optional.empty());
  }

  /**
   * Starts a control plane like {@link #start(String)}, serving the CRDs of the {@code *.yaml} and {@code *.yml}
   * files in {@code crdDirectory} (another implementation's) instead of the operator's.
   *
   * @throws IllegalArgumentException if {@code crdDirectory} is not a directory
   */
  public static ControlPlane start(String name, Path crdDirectory) {
    if (!Files.isDirectory(crdDirectory)) {
      throw new IllegalArgumentException(crdDirectory + " is not a directory");
    }
    return start(name, Optional.of(crdDirectory));
  }

  private static ControlPlane start(String name, Optional<Path> crdDirectory) {
    boolean cold = FIRST_START_IN_JVM.getAndSet(false);
    long t0 = System.nanoTime();
    Binaries binaries = Binaries.locate();
    Path state = StateDirectories.fresh(name);
    Path run = state.resolve("run");
    Path logs = TestDirectories.logDirectory(name);
    List<ManagedProcess> started = new ArrayList<>();
    KubernetesClient client = null;
    try {
      int etcdPort = FreePorts.tcp();
      ManagedProcess etcd = ManagedProcess.start("etcd",
          ControlPlaneCommands.etcd(binaries, name, state.resolve("etcd-data"), etcdPort, FreePorts.tcp()), logs, run);
      started.add(etcd);
      Pki pki = Pki.create(TestDirectories.created(state.resolve("pki")));
      etcd.awaitReady("etcd health", ETCD_TIMEOUT, () -> ControlPlaneProcesses.etcdHealthy(etcdPort));

      String server = "https://127.0.0.1:" + FreePorts.tcp();
      Kubeconfig kubeconfig = Kubeconfig.write(state.resolve("kubeconfig"), name, server, pki);
      AuditPolicy audit = AuditPolicy.write(state.resolve("audit"));
      ManagedProcess apiServer = ManagedProcess.start("kube-apiserver",
          ControlPlaneCommands.apiServer(binaries, etcdPort, server, pki, audit), logs, run);
      started.add(apiServer);
      KubernetesClient api = new KubernetesClientBuilder().withConfig(kubeconfig.clientConfig()).build();
      client = api;
      BooleanSupplier ready = () -> "ok".equals(api.raw("/readyz"));
      apiServer.awaitReady("kube-apiserver /readyz", API_SERVER_TIMEOUT, ready);
      apiServer.awaitReady("namespace default", API_SERVER_TIMEOUT,
          () -> api.namespaces().withName("default").get() != null);

      // CRDs before kube-controller-manager: its garbage collector then watches them from its first discovery
      // instead of after its 30 s resync.
      CrdInstaller.install(api, binaries, apiServer, crdDirectory);
      ManagedProcess controllerManager = ManagedProcess.start("kube-controller-manager",
          ControlPlaneCommands.controllerManager(binaries, kubeconfig.file()), logs, run);
      started.add(controllerManager);

      Duration startup = Duration.ofNanos(System.nanoTime() - t0);
      record(name, cold, startup);
      return new ControlPlane(name, server, kubeconfig, api,
          new ControlPlaneProcesses(etcd, etcdPort, apiServer, controllerManager, ready), startup, pki, state, audit);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      ManagedProcess.stopNewestFirst(started);
      throw e;
    }
  }

  /** The name given at start. */
  public String name() {
    return name;
  }

  /** An admin client (group {@code system:masters}), shared by the tests; do not close it. */
  public KubernetesClient client() {
    return client;
  }

  /** The admin kubeconfig, for processes started against this control plane. */
  public Path kubeconfig() {
    return kubeconfig.file();
  }

  /**
   * A kubeconfig for user {@code user} (group {@code system:masters}, so allowed everything), made on first
   * use: its writes appear in the {@link #auditLog()} under {@code user.username = user}.
   *
   * @param user the user name (certificate CN), letters, digits, dots and dashes
   */
  public Path userKubeconfig(String user) {
    Path file = state.resolve("users").resolve(user + ".kubeconfig");
    synchronized (this) {
      if (!Files.exists(file)) {
        TestDirectories.created(file.getParent());
        Kubeconfig.write(file, name, serverUrl, pki.caCertificate(), pki.clientCertificate(user),
            pki.clientKey(user));
      }
    }
    return file;
  }

  /**
   * A new client authenticated as {@code user} (see {@link #userKubeconfig(String)}), without request retries
   * like {@link #client()}; the caller closes it.
   */
  public KubernetesClient clientAs(String user) {
    return new KubernetesClientBuilder().withConfig(new Kubeconfig(userKubeconfig(user)).clientConfig()).build();
  }

  /**
   * A kubeconfig authenticating as the ServiceAccount {@code namespace/name} with a token from the TokenRequest
   * API (valid for a day), as a pod of that ServiceAccount would: only the ServiceAccount's RBAC applies.
   */
  public Path serviceAccountKubeconfig(String namespace, String serviceAccount) {
    TokenRequest request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(86_400L).endSpec().build();
    String token = client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).tokenRequest(request)
        .getStatus().getToken();
    Path file = TestDirectories.created(state.resolve("service-accounts"))
        .resolve(namespace + "-" + serviceAccount + ".kubeconfig");
    Kubeconfig.writeWithToken(file, name, serverUrl, pki.caCertificate(), token);
    return file;
  }

  /** The API server's audit log (writes on the operator's kinds, outputs, Events and Leases). */
  public AuditLog auditLog() {
    return new AuditLog(audit.log());
  }

  /** The API server's URL, {@code https://127.0.0.1:<port>}. */
  public String serverUrl() {
    return serverUrl;
  }

  /** How long {@link #start} took, from locating the binaries to the CRDs being Established. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The process ids of etcd, kube-apiserver and kube-controller-manager by name, for benchmarks' CPU accounting. */
  public Map<String, Long> processIds() {
    Map<String, Long> ids = new LinkedHashMap<>();
    processes.all().forEach(process -> ids.put(process.name(), process.pid()));
    return ids;
  }

  /** True while etcd, kube-apiserver and kube-controller-manager all run (false during {@link #stopEtcd()}). */
  public boolean isRunning() {
    return processes.all().stream().allMatch(ManagedProcess::isAlive);
  }

  /**
   * Restarts kube-apiserver as a crash would: SIGKILL, then the same command line again, on the same port with
   * the same certificates, so that {@link #serverUrl()}, the kubeconfigs and existing clients stay valid. Open
   * watches end and requests fail (connection refused) until the new process serves; returns once
   * {@code /readyz} answers {@code ok} (about 2 s). etcd keeps running, so no data is lost.
   * {@link #processIds()} then names the new process.
   */
  public void restartApiServer() {
    processes.restartApiServer();
  }

  /**
   * Stops kube-apiserver as a crash or an outage of the cluster's control plane would (SIGKILL); until
   * {@link #startApiServer()} every request fails with connection refused. etcd keeps its data.
   */
  public void stopApiServer() {
    processes.stopApiServer();
  }

  /** Starts kube-apiserver again after {@link #stopApiServer()} on the same port; returns once it is ready. */
  public void startApiServer() {
    processes.startApiServer();
  }

  /**
   * Stops etcd (SIGKILL, waiting for its exit) while kube-apiserver keeps running, to simulate a storage outage.
   * Until {@link #startEtcd()}, requests that need etcd hang: the API server answers a write
   * {@code 504 Timeout} after about 34 s and a read after 60 s, so a client with a shorter request timeout
   * (fabric8's default is 10 s) sees its own timeout first. Nothing is lost: etcd runs without fsync, and the
   * page cache keeps its writes. {@link #isRunning()} is false meanwhile.
   */
  public void stopEtcd() {
    processes.stopEtcd();
  }

  /**
   * Starts etcd again after {@link #stopEtcd()}, on the same ports and data directory, and returns once etcd is
   * healthy and kube-apiserver's {@code /readyz}, which checks etcd, answers {@code ok}. The API server's etcd
   * client reconnects with an exponential back-off, so this takes longer the longer the outage was: measured
   * about 0.7 s after a 2 s outage, 6-7.5 s after 10 s, 21 s after 90 s.
   *
   * @throws IllegalStateException if etcd runs
   */
  public void startEtcd() {
    processes.startEtcd();
  }

  /**
   * Installs a validating admission webhook served by this JVM on writes of {@code resources} (for example
   * {@link AdmissionFaults#DNS_ENDPOINTS}), through which a test refuses or delays chosen writes; returns once
   * the API server calls it. Close it before the test ends: while installed, every write of those resources
   * needs the webhook's answer.
   */
  public AdmissionFaults admissionFaults(AdmissionFaults.Resource... resources) {
    return AdmissionFaults.install(client, pki, List.of(resources));
  }

  /** Closes the client and stops the processes (newest first: controller manager, API server, etcd). */
  @Override
  public void close() {
    client.close();
    processes.stop();
  }

  private static void record(String name, boolean cold, Duration startup) {
    String line = String.format(Locale.ROOT, "control plane '%s' ready in %.2f s (%s)", name,
        startup.toMillis() / 1000.0, cold ? "first start in this JVM" : "not the first start in this JVM");
    System.out.println(line);
    try {
      Files.writeString(TestDirectories.logRoot().resolve("control-plane-startup.txt"), line + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
