package io.servicerouter.operator.convergence;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.servicerouter.model.cluster.ConvergenceRecord;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores convergence records with a JSON merge patch of the status subresource, on a thread of its own so that
 * the tracker (called from reconciles) never waits for the API server. A failed write is retried (1 s doubling to
 * 30 s) until it succeeds, the object is gone, or a newer record for the object replaces it. The patch carries no
 * resourceVersion and touches only {@code status.convergence}; the reconciler's status writes keep that field
 * ({@link io.servicerouter.model.ObservedStatus#keepUnplannedFields}).
 */
public final class StatusPatchRecords implements ConvergenceRecords, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusPatchRecords.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private record Write(HasMetadata object, ConvergenceRecord record) {}

  private final KubernetesClient client;
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "convergence-records");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Write> latest = new ConcurrentHashMap<>();

  /** Writes with {@code client}. */
  public StatusPatchRecords(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void store(HasMetadata object, ConvergenceRecord record) {
    if (ConvergenceRecords.stored(object).filter(record::equals).isPresent()) {
      return;
    }
    String uid = object.getMetadata().getUid();
    latest.put(uid, new Write(object, record));
    writer.execute(() -> write(uid, FIRST_RETRY));
  }

  private void write(String uid, Duration nextRetry) {
    Write write = latest.get(uid);
    if (write == null) {
      return;
    }
    try {
      client.resource(write.object()).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
          mergePatch(write.record()));
      latest.remove(uid, write);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        latest.remove(uid, write);
        return;
      }
      LOG.warn("convergence record of {} not stored ({}); retrying in {} s", write.object().getMetadata().getName(),
          e.getMessage(), nextRetry.toSeconds());
      Duration after = nextRetry.multipliedBy(2);
      Duration following = after.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : after;
      writer.schedule(() -> write(uid, following), nextRetry.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The merge patch setting every member of the record, an absent completion time as an explicit null: a merge
   * patch leaves a member it does not name as it was, and an opened convergence must remove the last completion.
   */
  static String mergePatch(ConvergenceRecord record) {
    Map<String, Object> convergence = new LinkedHashMap<>();
    convergence.put("generation", record.getGeneration());
    convergence.put("startTime", record.getStartTime());
    convergence.put("completionTime", record.getCompletionTime());
    return Serialization.asJson(Map.of("status", Map.of("convergence", convergence)));
  }

  /** Stops writing; records not yet stored are dropped (the next leader reopens what they would have closed). */
  @Override
  public void close() {
    writer.shutdownNow();
  }
}
