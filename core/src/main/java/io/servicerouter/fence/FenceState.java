package io.servicerouter.fence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fence's three records of one zone as read at one moment: the lease, the holder's heartbeat and the home's
 * claim, each absent while the zone has none. Its JSON is the zone agent's management API ({@code GET /lease} and
 * the answers of the {@code POST /lease/…} operations), written here and read here, so the agent and the operator
 * share one shape:
 * <pre>{"holder":"aks01/weu","epoch":7,"heartbeat":"v=1 holder=aks01/weu epoch=7 seq=4","claim":"v=1 home=…"}</pre>
 * A member is absent when its record is; {@code holder} and {@code epoch} are the lease's (the answer's shape before
 * the heartbeat and claim existed, which callers of issue 14 read).
 *
 * @param lease the lease record's value
 * @param heartbeat the heartbeat record's value
 * @param claim the claim record's value
 */
public record FenceState(Optional<Lease> lease, Optional<Heartbeat> heartbeat, Optional<Claim> claim) {

  /** A zone without any fence record. */
  public static final FenceState NONE = new FenceState(Optional.empty(), Optional.empty(), Optional.empty());

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks that no member is null (absent is {@link Optional#empty()}). */
  public FenceState {
    if (lease == null || heartbeat == null || claim == null) {
      throw new IllegalArgumentException("a fence state's members are Optional, never null");
    }
  }

  /** The management API's JSON of this state. */
  public String toJson() {
    ObjectNode json = JSON.createObjectNode();
    lease.ifPresent(l -> json.put("holder", l.holder().toString()).put("epoch", l.epoch()));
    heartbeat.ifPresent(h -> json.put("heartbeat", h.text()));
    claim.ifPresent(c -> json.put("claim", c.text()));
    return json.toString();
  }

  /**
   * Reads the management API's JSON; unknown members are ignored.
   *
   * @throws IllegalArgumentException when {@code json} is not such an object, or a member is not a valid value
   */
  public static FenceState fromJson(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a fence state: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a fence state is a JSON object, got: " + json);
    }
    return new FenceState(lease(node, json), text(node, "heartbeat", Heartbeat::parse),
        text(node, "claim", Claim::parse));
  }

  private static Optional<Lease> lease(JsonNode node, String json) {
    Optional<String> holder = text(node, "holder", Function.identity());
    JsonNode epoch = node.get("epoch");
    if (holder.isEmpty() && (epoch == null || epoch.isNull())) {
      return Optional.empty();
    }
    if (holder.isEmpty() || epoch == null || !epoch.isIntegralNumber() || !epoch.canConvertToLong()) {
      throw new IllegalArgumentException("a fence state's lease needs a holder and an integral epoch: " + json);
    }
    return Optional.of(new Lease(Holder.parse(holder.get()), epoch.longValue()));
  }

  private static <T> Optional<T> text(JsonNode node, String member, Function<String, T> parse) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("a fence state's " + member + " is a string, got " + value);
    }
    return Optional.of(parse.apply(value.asText()));
  }
}
