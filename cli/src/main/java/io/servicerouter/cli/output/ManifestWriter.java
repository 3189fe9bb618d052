package io.servicerouter.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Kubernetes objects as the CLI's output (SPEC §6.1): a YAML stream in which every document starts
 * with {@code ---}, or a JSON {@code v1 List}. Keys follow the order used in the SPEC's examples; labels,
 * annotations and other free-form maps are sorted; null fields and empty metadata maps are omitted.
 */
public final class ManifestWriter {

  /** Output formats of {@code -o}. */
  public enum Format {
    /** A YAML stream, one document per object. */
    YAML,
    /** One JSON {@code List} object. */
    JSON
  }

  /** Keys in the order they are printed; keys not listed follow in their original order. */
  private static final List<String> KEY_ORDER = List.of(
      "apiVersion", "kind", "metadata", "spec", "type", "status", "number",
      "name", "namespace", "labels", "annotations", "ownerReferences", "controller", "blockOwnerDeletion",
      // spec fields of the five kinds
      "region", "cluster", "domain", "environmentLetter", "adoptsRegions", "externalDNSControllers",
      "mode", "sourceRegion", "sourceCluster", "recordTTL",
      "credentialName", "targetPostfix", "allowedRoutes", "namespaces", "from", "selector",
      "matchLabels", "matchExpressions", "key", "operator", "values",
      "serviceName", "gatewayName", "gatewayNamespace", "environment", "application",
      // DNSEndpoint and Istio Gateway
      "endpoints", "dnsName", "recordType", "targets",
      "servers", "port", "number", "protocol", "hosts", "tls",
      // statuses
      "phase", "active", "activeControllers", "servedRegions", "hostname", "targetHost", "dnsEndpoints",
      "dnsEndpoint", "loadBalancerIP", "attachedRoutes", "observedGeneration", "conditions",
      "type", "reason", "message", "lastTransitionTime");

  /** Maps whose keys are data, not schema: printed sorted. */
  private static final Set<String> SORTED_MAPS = Set.of("labels", "annotations", "matchLabels", "selector");

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestWriter() {}

  /** Sorts objects by (apiVersion, kind, namespace, name) in byte order, as every output list is sorted. */
  public static List<ObjectNode> sorted(List<ObjectNode> objects) {
    List<ObjectNode> result = new ArrayList<>(objects);
    result.sort(Comparator.comparing((ObjectNode o) -> o.path("apiVersion").asText())
        .thenComparing(o -> o.path("kind").asText())
        .thenComparing(o -> o.path("metadata").path("namespace").asText())
        .thenComparing(o -> o.path("metadata").path("name").asText()));
    return result;
  }

  /** Writes the objects, in the given order, in the given format. */
  public static String write(List<ObjectNode> objects, Format format) {
    try {
      if (format == Format.JSON) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        ArrayNode items = list.putArray("items");
        objects.forEach(o -> items.add(normalized(o, null)));
        return JSON.writeValueAsString(list) + "\n";
      }
      StringBuilder out = new StringBuilder();
      BlockYaml yaml = new BlockYaml(out);
      for (ObjectNode object : objects) {
        out.append("---\n");
        yaml.document(normalized(object, null));
      }
      return out.toString();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy with nulls and empty metadata maps removed and keys in printing order. */
  private static JsonNode normalized(JsonNode node, String fieldName) {
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(normalized(item, null)));
      return copy;
    }
    if (!node.isObject()) {
      return node;
    }
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      boolean emptyMetadataMember = "metadata".equals(fieldName) && value.isContainerNode() && value.isEmpty();
      if (!value.isNull() && !emptyMetadataMember) {
        entries.add(entry);
      }
    }
    if (fieldName != null && SORTED_MAPS.contains(fieldName) && !isSchemaObject(node)) {
      entries.sort(Map.Entry.comparingByKey());
    } else {
      entries.sort(Comparator.comparingInt(e -> rank(e.getKey())));
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    entries.forEach(e -> copy.set(e.getKey(), normalized(e.getValue(), e.getKey())));
    return copy;
  }

  /** A label selector object (matchLabels/matchExpressions) is schema, not a free-form map. */
  private static boolean isSchemaObject(JsonNode node) {
    return node.has("matchLabels") || node.has("matchExpressions");
  }

  private static int rank(String key) {
    int index = KEY_ORDER.indexOf(key);
    return index < 0 ? KEY_ORDER.size() : index;
  }
}
