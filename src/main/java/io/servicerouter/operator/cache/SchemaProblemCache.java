package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.cli.output.ManifestWriter;
import io.servicerouter.planner.SpecProblems;
import io.servicerouter.validation.CrdSchemas;
import io.servicerouter.validation.Problem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime re-validation of SPEC §2.6 (schema and CEL rules of the installed CRDs) for the operator,
 * memoized per object version: an object is validated once per (uid, resourceVersion), not once per reconcile.
 */
public final class SchemaProblemCache implements SpecProblems {

  private record Entry(String resourceVersion, List<String> problems) {}

  private final CrdSchemas schemas;
  private final Map<String, Entry> byUid = new ConcurrentHashMap<>();

  /** Validates with the given schemas. */
  public SchemaProblemCache(CrdSchemas schemas) {
    this.schemas = schemas;
  }

  @Override
  public List<String> of(HasMetadata object) {
    String uid = object.getMetadata().getUid();
    String resourceVersion = object.getMetadata().getResourceVersion();
    if (uid == null || resourceVersion == null) {
      return validate(object);
    }
    Entry entry = byUid.get(uid);
    if (entry == null || !entry.resourceVersion().equals(resourceVersion)) {
      entry = new Entry(resourceVersion, validate(object));
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
    return schemas.validatorFor(object.getKind()).validate(ManifestWriter.toNode(object)).problems().stream()
        .map(Problem::toString)
        .toList();
  }
}
