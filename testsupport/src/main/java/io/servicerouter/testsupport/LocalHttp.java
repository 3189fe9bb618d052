package io.servicerouter.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Plain-HTTP probes of local endpoints (etcd's /health, ExternalDNS's and the operator's /metrics). */
public final class LocalHttp {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalHttp() {}

  /** The body of a GET that answers 200, or empty if it answers otherwise or not at all (not up yet). */
  public static Optional<String> get(String url) {
    try {
      HttpResponse<String> response = CLIENT.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
