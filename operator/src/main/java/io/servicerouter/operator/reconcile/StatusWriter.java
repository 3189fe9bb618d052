package io.servicerouter.operator.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.servicerouter.operator.events.StatusEchoes;
import io.servicerouter.model.ObservedStatus;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a primary's status through the status subresource, only when {@link StatusFactory} says it
 * differs, and emits the Events of the transition (SPEC §3.11). The write carries the cached resourceVersion, so a write from a stale view fails with a conflict;
 * that conflict is dropped, since the newer version's arrival in the shared cache triggers the primary again
 * (every controller's own kind maps each change to the object itself).
 */
public final class StatusWriter {

  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  private final KubernetesClient client;
  private final StatusFactory statuses;
  private final EventRecorder events;
  private final StatusEchoes echoes = new StatusEchoes();

  /** Writes with {@code client}, deciding with {@code statuses}, announcing transitions through {@code events}. */
  public StatusWriter(KubernetesClient client, StatusFactory statuses, EventRecorder events) {
    this.client = client;
    this.statuses = statuses;
    this.events = events;
  }

  /** The statuses this writer is writing, for the triggers that skip their echoes. */
  public StatusEchoes echoes() {
    return echoes;
  }

  /**
   * Stores {@code planned} (the planner's status for this reconcile, completed in place) as the status of
   * {@code object} unless it is already stored.
   *
   * @return whether a write happened
   */
  public <P extends CustomResource<?, S>, S extends ObservedStatus> boolean write(P object, S planned) {
    Optional<S> next = statuses.next(object.getStatus(), planned);
    if (next.isEmpty()) {
      return false;
    }
    P copy = withStatus(object, next.get());
    echoes.writing(object, next.get());
    try {
      client.resource(copy).updateStatus();
    } catch (RuntimeException e) {
      echoes.notWritten(object);
      if (!isConflict(e)) {
        throw e;
      }
      LOG.debug("status not written, the cache is behind; the newer version triggers a new reconcile");
      return false;
    }
    LOG.info("status written: phase {}, {}", next.get().getPhase(),
        next.get().getConditions());
    Transitions.of(object.getStatus(), next.get()).forEach(transition -> events.emit(object, transition));
    return true;
  }

  private static boolean isConflict(RuntimeException e) {
    return e instanceof KubernetesClientException clientError && clientError.getCode() == HttpURLConnection.HTTP_CONFLICT;
  }

  /**
   * A new object with the cached object's metadata (copied: the cache's instance must stay untouched) and spec
   * (shared: only read while serializing the request) and the given status. A JSON round trip of the whole
   * object would cost more than the write itself. The managed fields are left out: the API server keeps the
   * stored ones when a request has none, and not sending them cut its CPU per status write by a quarter.
   */
  private static <P extends CustomResource<?, S>, S extends ObservedStatus> P withStatus(P object, S status) {
    try {
      @SuppressWarnings("unchecked")
      P copy = (P) object.getClass().getDeclaredConstructor().newInstance();
      copy.setMetadata(new ObjectMetaBuilder(object.getMetadata()).withManagedFields(List.of()).build());
      setSpec(copy, object.getSpec());
      copy.setStatus(status);
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + object.getClass(), e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void setSpec(CustomResource copy, Object spec) {
    copy.setSpec(spec);
  }
}
