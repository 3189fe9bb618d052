package io.servicerouter.operator.zonelease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicerouter.fence.Holder;
import io.servicerouter.fence.Lease;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link ZoneAgents} over HTTP: the operator's side of a zone agent's management API ({@code servicerouter zone-agent}): read the zone's lease,
 * take it, hand it back. The agent does the DNS I/O with its own credentials; the operator never holds them.
 */
public final class ZoneAgentClient implements ZoneAgents {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public Optional<Lease> current(String agent) throws IOException {
    return send(HttpRequest.newBuilder(uri(agent, "/lease")).GET());
  }

  @Override
  public Optional<Lease> take(String agent) throws IOException {
    return send(HttpRequest.newBuilder(uri(agent, "/lease/take")).POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Override
  public Optional<Lease> release(String agent) throws IOException {
    return send(HttpRequest.newBuilder(uri(agent, "/lease/release")).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private Optional<Lease> send(HttpRequest.Builder request) throws IOException {
    HttpRequest built = request.timeout(TIMEOUT).build();
    HttpResponse<String> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + built.uri(), e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(built.method() + " " + built.uri() + ": HTTP " + response.statusCode() + ": "
          + response.body());
    }
    JsonNode body = JSON.readTree(response.body());
    if (!body.hasNonNull("holder")) {
      return Optional.empty();
    }
    return Optional.of(new Lease(Holder.parse(body.get("holder").asText()), body.get("epoch").asLong()));
  }

  private static URI uri(String agent, String path) {
    String base = agent.endsWith("/") ? agent.substring(0, agent.length() - 1) : agent;
    return URI.create(base + path);
  }
}
