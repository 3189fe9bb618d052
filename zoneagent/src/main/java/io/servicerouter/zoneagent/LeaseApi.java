package io.servicerouter.zoneagent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.servicerouter.fence.FenceState;
import io.servicerouter.fence.LeaseOp;
import io.servicerouter.zoneagent.webhook.Responses;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The lease part of the agent's management server, for this cluster's operator. Every answer's body is the fence's
 * records as JSON ({@link FenceState#toJson()}):
 * <ul>
 *   <li>{@code GET /lease}: the records now (200);</li>
 *   <li>{@code POST /lease/take}, {@code POST /lease/release}: break glass and hand-back (manual failover), 200;</li>
 *   <li>{@code POST /lease/renew?deadlineSeconds=D}, {@code POST /lease/takeover?epoch=E[&seq=S]},
 *       {@code POST /lease/claim?seen=E}: automatic failover ({@link FailoverControl}), 200 when changed, 409 with the
 *       records now when not;</li>
 * </ul>
 * 400 for a missing or malformed parameter, 404 for another path or method, 503 when the DNS server did not answer
 * or a record is unreadable.
 */
final class LeaseApi implements HttpHandler {

  private static final String USAGE = "GET /lease; POST /lease/take, /lease/release, /lease/renew?deadlineSeconds=D, "
      + "/lease/takeover?epoch=E[&seq=S], /lease/claim?seen=E";

  /** One operation of the API, run after its parameters were read. */
  private interface Operation {
    LeaseOp run() throws IOException;
  }

  private final LeaseControl control;
  private final FailoverControl failover;

  LeaseApi(LeaseControl control, FailoverControl failover) {
    this.control = control;
    this.failover = failover;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Operation operation;
    try {
      operation = operation(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
          parameters(exchange.getRequestURI().getRawQuery()));
    } catch (IllegalArgumentException e) {
      Responses.send(exchange, 400, "text/plain", e.getMessage() + "\n" + USAGE);
      return;
    }
    if (operation == null) {
      Responses.send(exchange, 404, "text/plain", USAGE);
      return;
    }
    try {
      LeaseOp done = operation.run();
      Responses.send(exchange, done.changed() ? 200 : 409, "application/json", done.state().toJson());
    } catch (IOException | IllegalStateException e) {
      Responses.send(exchange, 503, "text/plain", e.getMessage());
    }
  }

  /** The operation a request names, its parameters read; null for none. */
  private Operation operation(String request, Map<String, String> parameters) {
    return switch (request) {
      case "GET /lease" -> () -> answered(control.state());
      case "POST /lease/take" -> () -> {
        control.take();
        return answered(control.state());
      };
      case "POST /lease/release" -> () -> {
        control.release();
        return answered(control.state());
      };
      case "POST /lease/renew" -> {
        Duration renewDeadline = seconds(parameters, "deadlineSeconds");
        yield () -> failover.renew(renewDeadline);
      }
      case "POST /lease/takeover" -> {
        long epoch = number(parameters, "epoch");
        OptionalLong seq = parameters.containsKey("seq") ? OptionalLong.of(number(parameters, "seq"))
            : OptionalLong.empty();
        yield () -> failover.takeOver(epoch, seq);
      }
      case "POST /lease/claim" -> {
        long seen = number(parameters, "seen");
        yield () -> failover.claim(seen);
      }
      default -> null;
    };
  }

  /** An answer of 200 with {@code state}, for the operations that are not a compare-and-swap of their own. */
  private static LeaseOp answered(FenceState state) {
    return new LeaseOp(true, state);
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      if (parameters.put(name, value) != null) {
        throw new IllegalArgumentException("parameter " + name + " given twice");
      }
    }
    return parameters;
  }

  private static long number(Map<String, String> parameters, String name) {
    try {
      long value = Long.parseLong(required(parameters, name));
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a non-negative integer, got '" + parameters.get(name) + "'");
  }

  /** A non-negative number of seconds, decimals allowed ({@code 6}, {@code 0.5}). */
  private static Duration seconds(Map<String, String> parameters, String name) {
    try {
      BigDecimal seconds = new BigDecimal(required(parameters, name));
      if (seconds.signum() >= 0) {
        return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a non-negative number of seconds, got '"
        + parameters.get(name) + "'");
  }

  private static String required(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("parameter " + name + " is required");
    }
    return value;
  }
}
