package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.Json;

/**
 * A manifest produced by the migration together with the values paths its fields came from.
 *
 * @param manifest apiVersion, kind, metadata (name, namespace if namespaced) and spec, nothing else
 * @param sources  where each field came from in the values
 */
record GeneratedObject(ObjectNode manifest, SourcePaths sources) {

  /** The manifest of a typed object, reduced to the members SPEC §6.2 prints. */
  static GeneratedObject of(HasMetadata resource, SourcePaths sources) {
    ObjectNode full = Json.toNode(resource);
    ObjectNode manifest = full.objectNode();
    manifest.set("apiVersion", full.get("apiVersion"));
    manifest.set("kind", full.get("kind"));
    ObjectNode metadata = manifest.putObject("metadata");
    metadata.set("name", full.path("metadata").get("name"));
    if (full.path("metadata").hasNonNull("namespace")) {
      metadata.set("namespace", full.path("metadata").get("namespace"));
    }
    manifest.set("spec", full.get("spec"));
    return new GeneratedObject(manifest, sources);
  }

  /** Whether the field (dotted, list indices in brackets) holds text with a Flux variable. */
  boolean holdsPlaceholder(String field) {
    JsonNode value = manifest.at("/" + field.replace("[", ".").replace("]", "").replace('.', '/'));
    return value.isTextual() && Placeholders.in(value.asText());
  }
}
