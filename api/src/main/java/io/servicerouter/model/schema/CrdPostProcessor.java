package io.servicerouter.model.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.servicerouter.model.Kinds;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Build step run after the fabric8 CRD generator: applies the {@link SchemaMerge} annotations of the
 * model to the generated schemas and restores the declared order of the printer columns (the generator
 * sorts them by JSON path). It rewrites {@code <plural>.<group>-v1.yml} in the given directory and
 * writes the same CRDs as {@code <plural>.<group>.yaml} into a second directory.
 */
public final class CrdPostProcessor {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private CrdPostProcessor() {}

  /**
   * Entry point of the build step.
   *
   * @param args the generator's output directory, and the directory of the CRD copies to write
   */
  public static void main(String[] args) throws IOException {
    Path generated = Path.of(args[0]);
    Path copies = Path.of(args[1]);
    Files.createDirectories(copies);
    for (Class<? extends CustomResource<?, ?>> kind : Kinds.ALL) {
      String fileName = HasMetadata.getFullResourceName(kind);
      Path file = generated.resolve(fileName + "-v1.yml");
      ObjectNode crd = (ObjectNode) YAML.readTree(file.toFile());
      process(crd, kind);
      String text = "# Generated from the model classes by the build (CRD generator + CrdPostProcessor); do not edit.\n"
          + YAML.writeValueAsString(crd);
      Files.writeString(file, text);
      Files.writeString(copies.resolve(fileName + ".yaml"), text);
    }
  }

  /**
   * Applies the schema merges and the printer column order of {@code kind} to its CRD, and marks it to be kept
   * by Helm ({@code helm uninstall}) and by Flux's garbage collection: deleting a CRD deletes every object of
   * its kind, and through ExternalDNS {@code --policy=sync} every DNS record the operator published.
   */
  static void process(ObjectNode crd, Class<?> kind) {
    ObjectNode annotations = ((ObjectNode) crd.path("metadata")).putObject("annotations");
    annotations.put("helm.sh/resource-policy", "keep");
    annotations.put("kustomize.toolkit.fluxcd.io/prune", "disabled");
    for (JsonNode version : crd.path("spec").path("versions")) {
      orderPrinterColumns((ObjectNode) version, kind);
      JsonNode root = version.path("schema").path("openAPIV3Schema");
      applyClass(kind, (ObjectNode) root);
      integralBounds(root);
    }
  }

  /** The generator writes numeric bounds as doubles ({@code minimum: 1.0}); integers read better. */
  private static void integralBounds(JsonNode node) {
    if (node instanceof ObjectNode) {
      ObjectNode object = (ObjectNode) node;
      for (String bound : List.of("minimum", "maximum")) {
        JsonNode value = object.get(bound);
        if (value != null && value.isFloatingPointNumber() && value.canConvertToLong()
            && value.doubleValue() == Math.rint(value.doubleValue())) {
          object.put(bound, value.longValue());
        }
      }
    }
    node.forEach(CrdPostProcessor::integralBounds);
  }

  private static void orderPrinterColumns(ObjectNode version, Class<?> kind) {
    JsonNode columns = version.path("additionalPrinterColumns");
    if (!columns.isArray()) {
      return;
    }
    List<JsonNode> ordered = new ArrayList<>();
    for (AdditionalPrinterColumn declared : kind.getAnnotationsByType(AdditionalPrinterColumn.class)) {
      for (JsonNode column : columns) {
        if (column.path("name").asText().equals(declared.name())) {
          ordered.add(column);
        }
      }
    }
    ArrayNode result = version.putArray("additionalPrinterColumns");
    ordered.forEach(result::add);
  }

  private static void applyClass(Class<?> type, ObjectNode schema) {
    for (Class<?> c = type; c != null && c != Object.class && c != CustomResource.class; c = c.getSuperclass()) {
      for (SchemaMerge merge : c.getAnnotationsByType(SchemaMerge.class)) {
        merge(merge.property().isEmpty() ? schema : property(schema, merge.property()), merge.value());
      }
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        ObjectNode fieldSchema = property(schema, propertyName(field));
        for (SchemaMerge merge : field.getAnnotationsByType(SchemaMerge.class)) {
          merge(fieldSchema, merge.value());
        }
        applyType(field.getGenericType(), fieldSchema);
      }
    }
    if (CustomResource.class.isAssignableFrom(type)) {
      Type[] specAndStatus = ((ParameterizedType) type.getGenericSuperclass()).getActualTypeArguments();
      applyType(specAndStatus[0], property(schema, "spec"));
      applyType(specAndStatus[1], property(schema, "status"));
    }
  }

  private static void applyType(Type type, ObjectNode schema) {
    if (type instanceof ParameterizedType) {
      ParameterizedType parameterized = (ParameterizedType) type;
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        applyType(parameterized.getActualTypeArguments()[0], property(schema, null));
      } else if (!Map.class.isAssignableFrom(raw)) {
        applyClass(raw, schema);
      }
    } else if (type instanceof Class<?> && ((Class<?>) type).getPackageName().startsWith("io.servicerouter.model")) {
      applyClass((Class<?>) type, schema);
    }
  }

  /** The schema of a named property (or, for a null name, of the array items), created if absent. */
  private static ObjectNode property(ObjectNode schema, String name) {
    if (name == null) {
      return schema.has("items") ? (ObjectNode) schema.get("items") : schema.putObject("items");
    }
    ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
    return properties.has(name) ? (ObjectNode) properties.get(name) : properties.putObject(name);
  }

  private static String propertyName(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : field.getName();
  }

  private static void merge(ObjectNode target, String json) {
    try {
      deepMerge(target, (ObjectNode) YAML.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid @SchemaMerge JSON: " + json, e);
    }
  }

  private static void deepMerge(ObjectNode target, ObjectNode patch) {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode existing = target.get(entry.getKey());
      if (existing instanceof ObjectNode && entry.getValue() instanceof ObjectNode) {
        deepMerge((ObjectNode) existing, (ObjectNode) entry.getValue());
      } else {
        target.set(entry.getKey(), entry.getValue());
      }
    }
  }
}
