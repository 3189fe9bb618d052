package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.servicerouter.model.ApiGroups;
import io.servicerouter.model.Kinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code v1alpha1} schemas of the five CRDs, read once from the CRD files the build generates from the
 * model ({@code META-INF/fabric8/<plural>.<group>-v1.yml} on the classpath) and compiled, so that offline
 * validation interprets exactly the schema installed in clusters and the two cannot drift.
 */
public final class CrdSchemas {

  private static final String RESOURCE_DIRECTORY = "META-INF/fabric8/";

  private final Map<String, ObjectValidator> validators;

  private CrdSchemas(Map<String, ObjectValidator> validators) {
    this.validators = validators;
  }

  /**
   * Loads and compiles the five CRDs from the classpath; call once and share the result (it is immutable
   * and thread-safe).
   *
   * @return the compiled schemas of the five kinds
   * @throws IllegalStateException if a CRD is missing or uses a schema keyword or CEL feature the validator
   *     does not interpret
   */
  public static CrdSchemas fromClasspath() {
    YAMLMapper yaml = new YAMLMapper();
    Map<String, ObjectValidator> validators = new LinkedHashMap<>();
    for (Class<? extends HasMetadata> type : Kinds.ALL) {
      String resource = RESOURCE_DIRECTORY + HasMetadata.getPlural(type) + "." + HasMetadata.getGroup(type) + "-v1.yml";
      JsonNode crd = read(yaml, resource);
      validators.put(HasMetadata.getKind(type), new ObjectValidator(compile(versionSchema(crd, resource))));
    }
    return new CrdSchemas(Map.copyOf(validators));
  }

  /**
   * The validator of one of the five kinds.
   *
   * @param kind {@code ClusterIdentity}, {@code DNSConfiguration}, {@code DNSPolicy}, {@code Gateway} or
   *     {@code ServiceRoute}
   * @return the kind's validator, shared and thread-safe
   * @throws IllegalArgumentException for any other kind
   */
  public ObjectValidator validatorFor(String kind) {
    ObjectValidator validator = validators.get(kind);
    if (validator == null) {
      throw new IllegalArgumentException("not a kind of this operator: " + kind);
    }
    return validator;
  }

  private static JsonNode read(YAMLMapper yaml, String resource) {
    try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("CRD " + resource + " is not on the classpath");
      }
      return yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRD " + resource, e);
    }
  }

  private static JsonNode versionSchema(JsonNode crd, String resource) {
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (ApiGroups.VERSION.equals(version.path("name").asText())) {
        return version.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalStateException("CRD " + resource + " has no version " + ApiGroups.VERSION);
  }

  /**
   * Compiles the root schema without {@code status}: status is removed from every object before it is
   * validated (it is ignored on input, SPEC §6.1), so its schema is never interpreted.
   */
  private static SchemaNode compile(JsonNode schema) {
    ObjectNode withoutStatus = schema.deepCopy();
    ((ObjectNode) withoutStatus.path("properties")).remove("status");
    return SchemaNode.compile(withoutStatus, Paths.ROOT);
  }
}
