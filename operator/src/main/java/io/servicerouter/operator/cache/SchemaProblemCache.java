package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Json;
import io.servicerouter.planner.SpecProblems;
import io.servicerouter.validation.CrdSchemas;
import io.servicerouter.validation.Problem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The runtime re-validation of SPEC §2.6 (schema and CEL rules of the installed CRDs) for the operator,
 * memoized per object version: an object is validated once per (uid, generation), not once per reconcile. The
 * generation counts spec changes of the operator's kinds (they have a status subresource), so the operator's
 * own status writes do not cause re-validation; objects without a generation are keyed by resourceVersion.
 */
public final class SchemaProblemCache implements SpecProblems {

  private record Entry(String version, List<String> problems) {}

  private final Supplier<CrdSchemas> schemas;
  private final Map<String, Entry> byUid = new ConcurrentHashMap<>();

  /** Validates with the given schemas. */
  public SchemaProblemCache(CrdSchemas schemas) {
    this.schemas = () -> schemas;
  }

  private SchemaProblemCache(Supplier<CrdSchemas> schemas) {
    this.schemas = schemas;
  }

  /**
   * Validates with the five CRDs' schemas from the classpath, compiled (CEL rules included, a few hundred
   * milliseconds of a cold JVM) on another thread from now on, so that the operator's start lists the caches
   * meanwhile; the first validation waits for the compilation.
   */
  public static SchemaProblemCache compilingInBackground() {
    CompletableFuture<CrdSchemas> compiling = CompletableFuture.supplyAsync(CrdSchemas::fromClasspath);
    return new SchemaProblemCache(() -> {
      try {
        return compiling.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    });
  }

  /**
   * Waits for the schemas and fails, as a start must, when a CRD does not compile (the exception of
   * {@link CrdSchemas#fromClasspath()}).
   */
  public void awaitSchemas() {
    schemas.get();
  }

  @Override
  public List<String> of(HasMetadata object) {
    String uid = object.getMetadata().getUid();
    String version = object.getMetadata().getGeneration() != null
        ? "generation " + object.getMetadata().getGeneration() : object.getMetadata().getResourceVersion();
    if (uid == null || version == null) {
      return validate(object);
    }
    Entry entry = byUid.get(uid);
    if (entry == null || !entry.version().equals(version)) {
      entry = new Entry(version, validate(object));
      byUid.put(uid, entry);
    }
    return entry.problems();
  }

  /** Drops the memoized result of a deleted object. */
  public void forget(HasMetadata object) {
    String uid = object.getMetadata().getUid();
    if (uid != null) {
      byUid.remove(uid);
    }
  }

  private List<String> validate(HasMetadata object) {
    return schemas.get().validatorFor(object.getKind()).validate(Json.toNode(object)).problems().stream()
        .map(Problem::toString)
        .toList();
  }
}
