package io.servicerouter.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The one serializer of the project: converts between typed Kubernetes objects (this module's kinds, fabric8's
 * and Istio's models) and JSON trees, and copies objects. One instance, because each {@link
 * KubernetesSerialization} builds its own Jackson mapper and type registry at a cost of milliseconds and
 * megabytes, and because every layer must read and write a field the same way.
 *
 * <p>It neither reads nor writes {@code metadata.managedFields}: no layer uses them (the writers send none, the
 * informer caches dropped them), yet every watch event, list item and write response the operator decodes carries
 * one entry per field manager, each a tree of the fields it owns, which was built only to be dropped. The parser
 * skips them unread (their share of what a run allocates turned out small: docs/benchmarks.md, issue 16).
 */
public final class Json {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
      new ObjectMapper().addMixIn(ObjectMeta.class, WithoutManagedFields.class), true);

  /** Jackson mix-in of {@link ObjectMeta}: the one property left out both ways. */
  @JsonIgnoreProperties("managedFields")
  private abstract static class WithoutManagedFields {}

  private Json() {}

  /** The shared serialization, for APIs that take one (the Kubernetes client builder). */
  public static KubernetesSerialization serialization() {
    return SERIALIZATION;
  }

  /** A typed object (model class, fabric8 or Istio model) as a JSON tree; null fields are left out. */
  public static ObjectNode toNode(Object object) {
    return SERIALIZATION.convertValue(object, ObjectNode.class);
  }

  /** A JSON tree (or another object) as an instance of the type. */
  public static <T> T convert(Object value, Class<T> type) {
    return SERIALIZATION.convertValue(value, type);
  }

  /** A deep copy, for code that must change an object it does not own. */
  public static <T> T copy(T object) {
    return SERIALIZATION.clone(object);
  }

  /** Parses one JSON or YAML document as an instance of the type. */
  public static <T> T read(String text, Class<T> type) {
    return SERIALIZATION.unmarshal(text, type);
  }
}
