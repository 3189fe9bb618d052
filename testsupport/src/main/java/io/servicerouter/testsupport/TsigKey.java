package io.servicerouter.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.TSIG;

/**
 * A TSIG key (hmac-sha256) made by {@code tsig-keygen}: BIND accepts dynamic updates and zone transfers only
 * when signed with it, and ExternalDNS signs with it.
 *
 * @param name the key name
 * @param algorithm the algorithm, {@code hmac-sha256}
 * @param secret the base64 secret
 */
public record TsigKey(String name, String algorithm, String secret) {

  private static final Pattern SECRET = Pattern.compile("secret \"([^\"]+)\";");

  /** A new random key. */
  static TsigKey generate(Path directory, String name) {
    String algorithm = "hmac-sha256";
    String config = Command.run(directory, Duration.ofSeconds(30),
        List.of(Binaries.systemTool("tsig-keygen").toString(), "-a", algorithm, name));
    Matcher secret = SECRET.matcher(config);
    if (!secret.find()) {
      throw new IllegalStateException("no secret in the output of tsig-keygen:\n" + config);
    }
    return new TsigKey(name, algorithm, secret.group(1));
  }

  /** The key for dnsjava's resolvers and zone transfers. */
  public TSIG tsig() {
    return new TSIG(algorithm, name, secret);
  }

  /** The key as a named.conf {@code key} statement. */
  String namedConfig() {
    return "key \"%s\" {\n  algorithm %s;\n  secret \"%s\";\n};\n".formatted(name, algorithm, secret);
  }
}
