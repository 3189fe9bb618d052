package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS set-up of an in-process HTTPS server that the API server trusts: the control plane's serving
 * certificate (SAN 127.0.0.1, signed by the CA the webhook configuration names) with its key, converted by
 * openssl from SEC1 PEM, which the JDK cannot read, to PKCS#8 DER.
 */
final class WebhookTls {

  private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(30);
  private static final char[] PASSWORD = "in-memory".toCharArray();

  private WebhookTls() {}

  /** A server-side SSL context with {@code pki}'s serving certificate and key. */
  static SSLContext serverContext(Pki pki) {
    Path pkcs8 = pki.directory().resolve("apiserver.pk8");
    Command.run(pki.directory(), OPENSSL_TIMEOUT, List.of(Binaries.systemTool("openssl").toString(),
        "pkcs8", "-topk8", "-nocrypt", "-in", pki.servingKey().toString(), "-outform", "DER",
        "-out", pkcs8.toString()));
    try (InputStream certificate = Files.newInputStream(pki.servingCertificate())) {
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(pkcs8)));
      Certificate chain = CertificateFactory.getInstance("X.509").generateCertificate(certificate);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("serving", key, PASSWORD, new Certificate[] {chain});
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the serving certificate of " + pki.directory(), e);
    }
  }
}
