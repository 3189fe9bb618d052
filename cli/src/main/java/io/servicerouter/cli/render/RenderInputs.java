package io.servicerouter.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Service;
import io.servicerouter.model.Json;
import io.servicerouter.model.Kinds;
import io.servicerouter.planner.ObjectKey;
import io.servicerouter.validation.CrdSchemas;
import io.servicerouter.validation.MetadataRules;
import io.servicerouter.validation.Problem;
import io.servicerouter.validation.Validated;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The renderer's input set (SPEC §6.1 Inputs and Validation): supported kinds picked from the documents,
 * namespaces normalized, unknown fields pruned and defaults applied exactly as the API server would, every
 * schema and CEL problem collected as a rejection line, and later duplicates replacing earlier ones.
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
    if (type != Service.class && type != Namespace.class) {
      Validated validated = schemas.validatorFor(kind).validate(node);
      for (String field : validated.unknownFields()) {
        messages.add(document.location() + ": warning: unknown field \"" + field + "\"");
      }
      List<Problem> problems = new ArrayList<>(MetadataRules.check(node.path("metadata")));
      problems.addAll(validated.problems());
      String name = node.path("metadata").path("name").isTextual() ? node.path("metadata").path("name").asText() : "<unnamed>";
      for (Problem problem : problems) {
        messages.add(document.location() + ": " + kind + "/" + name + ": " + problem);
        rejected = true;
      }
      if (!problems.isEmpty()) {
        return;
      }
      stored = validated.object();
    }
    HasMetadata object = Json.convert(stored, type);
    String key = apiVersion + "/" + kind + "/" + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    Accepted earlier = accepted.get(key);
    if (earlier != null) {
      messages.add(document.location() + ": warning: " + kind + " " + ObjectKey.of(object)
          + " appears again; this document replaces the earlier one");
      position = earlier.position();
    }
    accepted.put(key, new Accepted(object, stored, position));
  }

  private static void normalizeNamespace(ObjectNode node, boolean namespaced) {
    JsonNode metadata = node.path("metadata");
    if (!metadata.isObject()) {
      return;
    }
    ObjectNode meta = (ObjectNode) metadata;
    if (!namespaced) {
      meta.remove("namespace");
    } else if (!meta.path("namespace").isTextual() || meta.get("namespace").asText().isEmpty()) {
      meta.put("namespace", DEFAULT_NAMESPACE);
    }
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
