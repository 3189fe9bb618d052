package io.servicerouter.operator.lifecycle;

import io.servicerouter.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The input manifests of the operator's ITs: one YAML object per file under {@code src/test/resources}
 * ({@code /lifecycle/…}, {@code /writes/…}), with {@code %s} placeholders where a value varies between uses
 * (a namespace, a name, a spec in flow YAML), filled in as by {@link String#formatted}.
 */
public final class Manifests {

  private Manifests() {}

  /**
   * The object of the manifest at the classpath {@code path} with its placeholders filled in by {@code values}.
   *
   * @param path e.g. {@code /lifecycle/gateway.yaml}
   */
  public static <T> T load(String path, Class<T> type, Object... values) {
    try (InputStream in = Manifests.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test manifest " + path + " on the classpath");
      }
      return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(values), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
