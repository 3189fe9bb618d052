package io.servicerouter.operator.zonelease;

import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.Heartbeat;
import io.servicerouter.fence.Lease;
import io.servicerouter.fence.LeaseOp;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link ZoneAgents} over HTTP: the operator's side of a zone agent's management API ({@code servicerouter
 * zone-agent}): read the zone's fence records, take the lease or hand it back, renew it, take it over, claim it.
 * Every answer's body is a {@link FenceState}'s JSON; 409 is a conflict. The agent does the DNS I/O with its own
 * credentials; the operator never holds them.
 */
public final class ZoneAgentClient implements ZoneAgents {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int CONFLICT = 409;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public FenceState state(String agent) throws IOException {
    return send(get(agent, "/lease")).state();
  }

  @Override
  public Optional<Lease> take(String agent) throws IOException {
    return send(post(agent, "/lease/take")).state().lease();
  }

  @Override
  public Optional<Lease> release(String agent) throws IOException {
    return send(post(agent, "/lease/release")).state().lease();
  }

  @Override
  public LeaseOp renew(String agent, Duration deadline) throws IOException {
    String seconds = BigDecimal.valueOf(deadline.toMillis(), 3).stripTrailingZeros().toPlainString();
    return send(post(agent, "/lease/renew?deadlineSeconds=" + seconds));
  }

  @Override
  public LeaseOp takeOver(String agent, Lease expected, Optional<Heartbeat> expectedHeartbeat) throws IOException {
    if (expectedHeartbeat.isPresent() && !expectedHeartbeat.get().belongsTo(expected)) {
      throw new IllegalArgumentException("a takeover compares a heartbeat of the lease's holder and epoch: '"
          + expectedHeartbeat.get() + "' is not of '" + expected + "'");
    }
    String seq = expectedHeartbeat.map(h -> "&seq=" + h.seq()).orElse("");
    return send(post(agent, "/lease/takeover?epoch=" + expected.epoch() + seq));
  }

  @Override
  public LeaseOp claim(String agent, long seenEpoch) throws IOException {
    return send(post(agent, "/lease/claim?seen=" + seenEpoch));
  }

  /** Sends one request: 200 is a change (or an answer), 409 a conflict, anything else an error. */
  private LeaseOp send(HttpRequest.Builder request) throws IOException {
    HttpRequest built = request.timeout(TIMEOUT).build();
    HttpResponse<String> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + built.uri(), e);
    }
    int status = response.statusCode();
    if (status != 200 && status != CONFLICT) {
      throw new IOException(built.method() + " " + built.uri() + ": HTTP " + status + ": " + response.body());
    }
    try {
      return new LeaseOp(status == 200, FenceState.fromJson(response.body()));
    } catch (IllegalArgumentException e) {
      throw new IOException(built.method() + " " + built.uri() + ": HTTP " + status + " with an unreadable body: "
          + e.getMessage(), e);
    }
  }

  private static HttpRequest.Builder get(String agent, String pathAndQuery) {
    return HttpRequest.newBuilder(uri(agent, pathAndQuery)).GET();
  }

  private static HttpRequest.Builder post(String agent, String pathAndQuery) {
    return HttpRequest.newBuilder(uri(agent, pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody());
  }

  private static URI uri(String agent, String pathAndQuery) {
    String base = agent.endsWith("/") ? agent.substring(0, agent.length() - 1) : agent;
    return URI.create(base + pathAndQuery);
  }
}
