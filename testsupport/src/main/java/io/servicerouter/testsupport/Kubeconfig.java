package io.servicerouter.testsupport;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A kubeconfig with the certificates embedded: the admin's, for the harness's own client and for the processes
 * started against the control plane (kube-controller-manager, ExternalDNS), or another user's, e.g. an
 * operator's own identity (see {@link ControlPlane#userKubeconfig(String)}).
 *
 * @param file the kubeconfig file
 */
public record Kubeconfig(Path file) {

  /** Writes a kubeconfig for {@code server} with the CA and the admin client certificate of {@code pki}. */
  public static Kubeconfig write(Path file, String name, String server, Pki pki) {
    return write(file, name, server, pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  /**
   * Writes a kubeconfig for {@code server} trusting {@code ca} and authenticating with the client certificate
   * {@code certificate} and its {@code key}.
   */
  public static Kubeconfig write(Path file, String name, String server, Path ca, Path certificate, Path key) {
    return write(file, name, server, ca, """
            client-certificate-data: %s
            client-key-data: %s
        """.formatted(base64(certificate), base64(key)));
  }

  /**
   * Writes a kubeconfig for {@code server} trusting {@code ca} and authenticating with the bearer token
   * {@code token} (for example a ServiceAccount's, from a TokenRequest).
   */
  public static Kubeconfig writeWithToken(Path file, String name, String server, Path ca, String token) {
    return write(file, name, server, ca, "    token: %s\n".formatted(token));
  }

  private static Kubeconfig write(Path file, String name, String server, Path ca, String credentials) {
    String text = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
            certificate-authority-data: %3$s
        users:
        - name: %1$s-user
          user:
        %4$s\
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s-user
        current-context: %1$s
        """.formatted(name, server, base64(ca), credentials);
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Kubeconfig(file);
  }

  /**
   * A fabric8 client configuration from this file, without request retries: the server is local, so a
   * failing request is reported at once instead of after a back-off that hides the first error.
   */
  public Config clientConfig() {
    Config config = Config.fromKubeconfig(file.toFile());
    config.setRequestRetryBackoffLimit(0);
    return config;
  }

  private static String base64(Path file) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
