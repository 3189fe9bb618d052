package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The API server's audit configuration of a {@link ControlPlane}: at level {@code Metadata}, every write
 * (create, update, patch, delete, deletecollection) on the operator's kinds (including their status
 * subresources), on its outputs (DNSEndpoints, Istio Gateways), on Events and on Leases; nothing else. One JSON
 * event per line, at stage {@code ResponseComplete} only, read with {@link AuditLog}.
 *
 * @param policy the policy file
 * @param log the audit log file the API server appends to
 */
public record AuditPolicy(Path policy, Path log) {

  private static final String POLICY = """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: [RequestReceived]
      rules:
      - level: Metadata
        verbs: [create, update, patch, delete, deletecollection]
        resources:
        - group: cluster.router.io
        - group: routing.router.io
        - group: externaldns.k8s.io
          resources: [dnsendpoints, dnsendpoints/status]
        - group: networking.istio.io
          resources: [gateways, gateways/status]
        - group: ""
          resources: [events]
        - group: events.k8s.io
          resources: [events]
        - group: coordination.k8s.io
          resources: [leases]
      - level: None
      """;

  /** Writes the policy to {@code directory/audit-policy.yaml}; the log will be {@code directory/audit.log}. */
  public static AuditPolicy write(Path directory) {
    try {
      Files.createDirectories(directory);
      Path policy = Files.writeString(directory.resolve("audit-policy.yaml"), POLICY);
      return new AuditPolicy(policy, directory.resolve("audit.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The kube-apiserver flags: this policy, a JSON log written synchronously ({@code blocking} mode, so an event
   * is logged before its request is answered) and never rotated away during a run.
   */
  public List<String> apiServerFlags() {
    return List.of(
        "--audit-policy-file=" + policy,
        "--audit-log-path=" + log,
        "--audit-log-format=json",
        "--audit-log-mode=blocking",
        "--audit-log-maxage=1",
        "--audit-log-maxbackup=1",
        "--audit-log-maxsize=1024");
  }
}
