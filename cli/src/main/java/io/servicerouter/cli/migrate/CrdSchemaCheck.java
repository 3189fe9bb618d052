package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicerouter.validation.CrdSchemas;
import io.servicerouter.validation.MetadataRules;
import io.servicerouter.validation.Problem;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks generated objects with the offline validator of {@code io.servicerouter.validation}: the CRD
 * schemas and CEL rules of SPEC §2, and the API server's rules for {@code metadata.name} and
 * {@code metadata.namespace}, so that the migration rejects what {@code render} and the API server would.
 * {@link StatusRulesCheck} adds the rules SPEC §2 marks "status".
 */
public final class CrdSchemaCheck implements GeneratedObjectCheck {

  private final CrdSchemas schemas;

  /** A check with the given compiled schemas. */
  public CrdSchemaCheck(CrdSchemas schemas) {
    this.schemas = schemas;
  }

  /** A check with the schemas of the CRDs the build generated (on the classpath). */
  public static CrdSchemaCheck fromClasspath() {
    return new CrdSchemaCheck(CrdSchemas.fromClasspath());
  }

  /**
   * The schema, CEL and metadata problems of an object. A ServiceRoute's name joins the app and service
   * names, which its spec already requires to be DNS-1123 labels; its name problems would only repeat
   * theirs, once per route, so they are left out.
   */
  @Override
  public List<FieldProblem> problems(JsonNode object) {
    String kind = object.path("kind").asText();
    Stream<Problem> schema = schemas.validatorFor(kind).validate(object).problems().stream();
    Stream<Problem> metadata = MetadataRules.check(object.path("metadata")).stream()
        .filter(problem -> !(kind.equals("ServiceRoute") && problem.field().equals("metadata.name")));
    return Stream.concat(schema, metadata).map(problem -> new FieldProblem(problem.field(), problem.reason())).toList();
  }
}
