package io.servicerouter.cli.render;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.Json;
import io.servicerouter.model.Kinds;
import io.servicerouter.model.cluster.AdoptedRegion;
import io.servicerouter.model.cluster.ClusterIdentity;
import io.servicerouter.model.cluster.ClusterIdentityStatus;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.validation.CrdSchemas;
import io.servicerouter.validation.MetadataRules;
import io.servicerouter.validation.Problem;
import io.servicerouter.validation.Reasons;
import io.servicerouter.validation.Validated;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The renderer's input set (SPEC §6.1 Inputs and Validation): supported kinds picked from the documents,
 * namespaces normalized, unknown fields pruned and defaults applied exactly as the API server would, every
 * schema and CEL problem collected as a rejection line, and later duplicates replacing earlier ones. A value
 * of the wrong type anywhere, metadata and the core kinds included, is a rejection line too: nothing of the
 * input reaches the typed model unchecked.
 */
public final class RenderInputs {

  private static final String DEFAULT_NAMESPACE = "default";

  private final Map<String, Accepted> accepted = new LinkedHashMap<>();
  private final List<String> messages = new ArrayList<>();
  private boolean rejected;

  /**
   * An input object that passed validation.
   *
   * @param object the typed object planned
   * @param stored the object as the API server would store it (pruned, defaulted), for {@code --status}
   * @param position its input position (for the renderer's "older" order)
   */
  public record Accepted(HasMetadata object, ObjectNode stored, int position) {}

  private RenderInputs() {}

  /** Classifies and validates the documents, in input order. */
  public static RenderInputs of(List<SourceDocument> documents, CrdSchemas schemas) {
    RenderInputs inputs = new RenderInputs();
    int position = 0;
    for (SourceDocument document : documents) {
      inputs.accept(document, schemas, position++);
    }
    return inputs;
  }

  private void accept(SourceDocument document, CrdSchemas schemas, int position) {
    ObjectNode node = ((ObjectNode) document.node()).deepCopy();
    String apiVersion = node.get("apiVersion").asText();
    String kind = node.get("kind").asText();
    Class<? extends HasMetadata> type = supportedType(apiVersion, kind);
    if (type == null) {
      messages.add(document.location() + ": warning: ignoring unsupported kind " + apiVersion + " " + kind);
      return;
    }
    normalizeNamespace(node, Namespaced.class.isAssignableFrom(type));
    ObjectNode stored = node;
    List<Problem> problems = new ArrayList<>();
    if (type != Service.class && type != Namespace.class) {
      Validated validated = schemas.validatorFor(kind).validate(node);
      for (String field : validated.unknownFields()) {
        messages.add(document.location() + ": warning: unknown field \"" + field + "\"");
      }
      problems.addAll(MetadataRules.check(node.path("metadata")));
      problems.addAll(validated.problems());
      stored = validated.object();
    } else {
      problems.addAll(MetadataRules.checkTypes(node.path("metadata")));
      nullItems(node, "", problems);
    }
    HasMetadata object = null;
    if (problems.isEmpty()) {
      try {
        object = Json.convert(stored, type);
        if (object instanceof ClusterIdentity identity) {
          keepAutomaticAdoptions(identity, node);
        }
      } catch (IllegalArgumentException e) {
        problems.add(conversionProblem(e, stored));
      }
    }
    if (!problems.isEmpty()) {
      JsonNode name = node.path("metadata").path("name");
      String shownName = name.isTextual() && !name.textValue().isEmpty() ? name.textValue() : "<unnamed>";
      for (Problem problem : problems) {
        messages.add(document.location() + ": " + kind + "/" + shownName + ": " + problem);
      }
      rejected = true;
      return;
    }
    String key = apiVersion + "/" + kind + "/" + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    Accepted earlier = accepted.get(key);
    if (earlier != null) {
      messages.add(document.location() + ": warning: " + kind + " " + ObjectKey.of(object)
          + " appears again; this document replaces the earlier one");
      position = earlier.position();
    }
    accepted.put(key, new Accepted(object, stored, position));
  }

  /**
   * Keeps a ClusterIdentity's {@code status.adoptedRegions}, the one status field the planner reads (the failover
   * controller writes it when it takes a zone over, issue 15), so that rendering a cluster's objects as
   * {@code kubectl get -o yaml} shows them during an automatic failover previews what the operator does. Every
   * other status field is ignored, as the API server ignores status on input.
   */
  private static void keepAutomaticAdoptions(ClusterIdentity identity, ObjectNode node) {
    JsonNode adopted = node.path("status").path("adoptedRegions");
    if (!adopted.isMissingNode() && !adopted.isNull()) {
      ClusterIdentityStatus status = new ClusterIdentityStatus();
      status.setAdoptedRegions(List.of(Json.convert(adopted, AdoptedRegion[].class)));
      identity.setStatus(status);
    }
  }

  /**
   * Drops the namespace of a cluster-scoped object and gives a namespaced one without a namespace
   * {@value #DEFAULT_NAMESPACE}; a namespace that is not a string is left for {@link MetadataRules} to reject.
   */
  private static void normalizeNamespace(ObjectNode node, boolean namespaced) {
    JsonNode metadata = node.path("metadata");
    if (!metadata.isObject()) {
      return;
    }
    ObjectNode meta = (ObjectNode) metadata;
    JsonNode namespace = meta.path("namespace");
    if (!namespace.isMissingNode() && !namespace.isNull() && !namespace.isTextual()) {
      return;
    }
    if (!namespaced) {
      meta.remove("namespace");
    } else if (!namespace.isTextual() || namespace.textValue().isEmpty()) {
      meta.put("namespace", DEFAULT_NAMESPACE);
    }
  }

  /**
   * Adds a problem for every {@code null} list item of a core kind's object: the typed model would carry it as a
   * {@code null} element (the API server decodes it as an empty object); render refuses it instead.
   */
  private static void nullItems(JsonNode value, String path, List<Problem> problems) {
    if (value.isObject()) {
      value.properties().forEach(field ->
          nullItems(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        if (value.get(i).isNull()) {
          problems.add(new Problem(path + "[" + i + "]", Reasons.invalid(value.get(i), "a list item must not be null")));
        } else {
          nullItems(value.get(i), path + "[" + i + "]", problems);
        }
      }
    }
  }

  /**
   * The problem of a value the typed model cannot take (the type checks above cover what render plans with; this
   * names whatever else a core kind's field holds of the wrong type): at the field Jackson names, with its value.
   */
  private static Problem conversionProblem(IllegalArgumentException e, JsonNode object) {
    JsonMappingException mapping = null;
    for (Throwable cause = e; cause != null && mapping == null; cause = cause.getCause()) {
      mapping = cause instanceof JsonMappingException m ? m : null;
    }
    StringBuilder path = new StringBuilder();
    JsonNode value = object;
    for (JsonMappingException.Reference step : mapping == null ? List.<JsonMappingException.Reference>of() : mapping.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
        value = value.path(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
        value = value.path(step.getIndex());
      }
    }
    String field = path.isEmpty() ? "spec" : path.toString();
    if (value.isMissingNode()) {
      value = object.path(field);
    }
    String expected = mapping instanceof MismatchedInputException mismatch ? typeName(mismatch.getTargetType()) : null;
    return new Problem(field, Reasons.invalid(value, expected == null
        ? "cannot be read as this field's type (out of range or malformed)" : "must be of type " + expected));
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
      return "string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (type == Integer.class || type == Long.class || type == Short.class || type == int.class || type == long.class
        || type == short.class || type == BigInteger.class) {
      return "integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    return type.isEnum() ? "string" : "object";
  }

  private static Class<? extends HasMetadata> supportedType(String apiVersion, String kind) {
    if ("v1".equals(apiVersion)) {
      return "Service".equals(kind) ? Service.class : "Namespace".equals(kind) ? Namespace.class : null;
    }
    for (Class<? extends HasMetadata> type : Kinds.ALL) {
      if (HasMetadata.getApiVersion(type).equals(apiVersion) && HasMetadata.getKind(type).equals(kind)) {
        return type;
      }
    }
    return null;
  }

  /** Warning and rejection lines, grouped by input order of the documents. */
  public List<String> messages() {
    return messages;
  }

  /** Whether any object was rejected (exit 2). */
  public boolean rejected() {
    return rejected;
  }

  /** The accepted objects, the later of duplicates only. */
  public List<Accepted> accepted() {
    return new ArrayList<>(accepted.values());
  }

  /** Input positions of the accepted objects (identity map), for {@code Age.byCreationThenInput}. */
  public Map<HasMetadata, Integer> positions() {
    Map<HasMetadata, Integer> positions = new IdentityHashMap<>();
    accepted.values().forEach(a -> positions.put(a.object(), a.position()));
    return positions;
  }
}
