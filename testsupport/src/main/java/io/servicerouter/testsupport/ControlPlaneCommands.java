package io.servicerouter.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of a control plane's processes, the one recipe of the tests and of
 * {@code scripts/control-plane up} ({@link ControlPlaneMain}): everything on 127.0.0.1, client certificates and
 * RBAC, only the controllers the operator relies on; the API server audits writes ({@link AuditPolicy}).
 */
final class ControlPlaneCommands {

  private ControlPlaneCommands() {}

  /**
   * etcd with its data in {@code dataDirectory}, without fsync (test data need not survive a crash). The client
   * URL follows {@code --listen-client-urls} as a word of its own, where scripts (the peer benchmark harness)
   * read it from {@code /proc/PID/cmdline}, as with the earlier shell recipe.
   */
  static List<String> etcd(Binaries binaries, String name, Path dataDirectory, int clientPort, int peerPort) {
    String clientUrl = "http://127.0.0.1:" + clientPort;
    String peerUrl = "http://127.0.0.1:" + peerPort;
    return List.of(
        binaries.etcd().toString(),
        "--name=" + name, "--data-dir=" + dataDirectory,
        "--listen-client-urls", clientUrl, "--advertise-client-urls=" + clientUrl,
        "--listen-peer-urls=" + peerUrl, "--initial-advertise-peer-urls=" + peerUrl,
        "--initial-cluster=" + name + "=" + peerUrl, "--initial-cluster-state=new",
        "--unsafe-no-fsync", "--log-level=warn");
  }

  /** kube-apiserver serving {@code server} with the certificates of {@code pki}, RBAC on, auditing as {@code audit}. */
  static List<String> apiServer(Binaries binaries, int etcdPort, String server, Pki pki, AuditPolicy audit) {
    List<String> argv = new ArrayList<>(List.of(
        binaries.kubeApiserver().toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=127.0.0.1", "--secure-port=" + URI.create(server).getPort(),
        "--tls-cert-file=" + pki.servingCertificate(), "--tls-private-key-file=" + pki.servingKey(),
        "--client-ca-file=" + pki.caCertificate(),
        "--service-account-issuer=" + server,
        "--service-account-key-file=" + pki.serviceAccountPublicKey(),
        "--service-account-signing-key-file=" + pki.serviceAccountKey(),
        "--service-cluster-ip-range=10.0.0.0/24",
        "--authorization-mode=RBAC",
        "--disable-admission-plugins=ServiceAccount",
        "--allow-privileged=true"));
    argv.addAll(AdvertiseAddress.flags());
    argv.addAll(audit.apiServerFlags());
    return argv;
  }

  /**
   * kube-controller-manager with the garbage collector (ownerReferences) and the namespace controller (namespace
   * deletion) only, no leader election and no serving port.
   */
  static List<String> controllerManager(Binaries binaries, Path kubeconfig) {
    return List.of(
        binaries.kubeControllerManager().toString(),
        "--kubeconfig=" + kubeconfig,
        "--controllers=garbagecollector,namespace",
        "--leader-elect=false", "--secure-port=0", "--use-service-account-credentials=false");
  }
}
