package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The certificates and keys of one control plane, made with openssl: a CA, the API server's serving
 * certificate (SANs 127.0.0.1, localhost, kubernetes.default...), an admin client certificate in group
 * {@code system:masters}, and the service-account token signing key pair. Keys are ECDSA P-256: generated in
 * milliseconds, where RSA takes about a second.
 *
 * @param directory where the PEM files are
 */
public record Pki(Path directory) {

  private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(30);
  private static final String SERVING_EXTENSIONS = """
      basicConstraints=critical,CA:FALSE
      keyUsage=critical,digitalSignature,keyEncipherment
      extendedKeyUsage=serverAuth
      subjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,\
      DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
      """;
  private static final String CLIENT_EXTENSIONS = """
      basicConstraints=critical,CA:FALSE
      keyUsage=critical,digitalSignature,keyEncipherment
      extendedKeyUsage=clientAuth
      """;

  /** Creates all files in {@code directory} (which must exist). */
  public static Pki create(Path directory) {
    Pki pki = new Pki(directory);
    pki.key("ca");
    pki.openssl("req", "-x509", "-new", "-key", "ca.key", "-sha256", "-days", "3650",
        "-subj", "/CN=servicerouter-test-ca",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
        "-out", "ca.crt");
    pki.signed("apiserver", "/CN=kube-apiserver", SERVING_EXTENSIONS);
    pki.signed("admin", "/O=system:masters/CN=servicerouter-admin", CLIENT_EXTENSIONS);
    pki.key("sa");
    pki.openssl("ec", "-in", "sa.key", "-pubout", "-out", "sa.pub");
    return pki;
  }

  /** The CA certificate, trusted for the API server and for client certificates. */
  public Path caCertificate() {
    return directory.resolve("ca.crt");
  }

  /** The API server's serving certificate. */
  public Path servingCertificate() {
    return directory.resolve("apiserver.crt");
  }

  /** The API server's serving key. */
  public Path servingKey() {
    return directory.resolve("apiserver.key");
  }

  /** The admin client certificate (group {@code system:masters}, so RBAC allows it everything). */
  public Path adminCertificate() {
    return directory.resolve("admin.crt");
  }

  /** The admin client key. */
  public Path adminKey() {
    return directory.resolve("admin.key");
  }

  /**
   * Makes (once) a client certificate for user {@code commonName} in group {@code system:masters}, so that a
   * second client is allowed everything like the admin but appears under its own {@code user.username} in the
   * audit log.
   *
   * @param commonName the user name, letters, digits, dots and dashes
   * @return the certificate; its key is {@link #clientKey(String)}
   */
  public synchronized Path clientCertificate(String commonName) {
    if (!commonName.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("not a plain user name: " + commonName);
    }
    Path certificate = directory.resolve("user-" + commonName + ".crt");
    if (!Files.exists(certificate)) {
      signed("user-" + commonName, "/O=system:masters/CN=" + commonName, CLIENT_EXTENSIONS);
    }
    return certificate;
  }

  /** The key of the certificate that {@link #clientCertificate(String)} made for {@code commonName}. */
  public Path clientKey(String commonName) {
    return directory.resolve("user-" + commonName + ".key");
  }

  /** The private key that signs service-account tokens. */
  public Path serviceAccountKey() {
    return directory.resolve("sa.key");
  }

  /** The public key that verifies service-account tokens. */
  public Path serviceAccountPublicKey() {
    return directory.resolve("sa.pub");
  }

  /** An EC key in SEC1 form ({@code BEGIN EC PRIVATE KEY}), which fabric8, Go and openssl all read. */
  private void key(String name) {
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", name + ".key");
  }

  private void signed(String name, String subject, String extensions) {
    key(name);
    try {
      Files.writeString(directory.resolve(name + ".ext"), extensions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    openssl("req", "-new", "-key", name + ".key", "-subj", subject, "-out", name + ".csr");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial",
        Long.toString(System.nanoTime()), "-sha256", "-days", "3650", "-extfile", name + ".ext", "-out", name + ".crt");
  }

  private void openssl(String... args) {
    List<String> argv = new ArrayList<>(List.of(Binaries.systemTool("openssl").toString()));
    argv.addAll(List.of(args));
    Command.run(directory, OPENSSL_TIMEOUT, argv);
  }
}
