package io.servicerouter.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates objects of one kind against its CRD schema the way the API server admits them, so that the
 * offline renderer and the operator's re-validation of stored objects reject exactly what the API server
 * rejects. Thread-safe: all state is compiled once by {@link CrdSchemas}.
 */
public final class ObjectValidator {

  private final SchemaNode root;

  ObjectValidator(SchemaNode root) {
    this.root = root;
  }

  /**
   * Validates one object as parsed from YAML or JSON ({@code apiVersion}, {@code kind}, {@code metadata},
   * {@code spec}, {@code status}); the input is not modified.
   *
   * <p>The steps follow the API server: {@code status} is dropped (it is ignored on input), unknown fields
   * are pruned, {@code null}s are removed or defaulted and schema defaults applied, then the schema is
   * checked, then the CEL rules. As in the API server, the CEL rules are skipped altogether when the schema
   * check found a required, enum, type, maxLength or maxItems problem anywhere in the object (the API
   * server's "blocking" errors, which leave the rules' inputs unreliable); pattern, minLength, minItems,
   * minimum, maximum and duplicate problems do not keep the rules from running. {@code metadata} is kept
   * as given and not checked here (see {@link MetadataRules}).
   *
   * @param object the whole object, a JSON object
   * @return the object as it would be stored, its problems and its pruned fields
   * @throws IllegalArgumentException if the value is not a JSON object
   */
  public Validated validate(JsonNode object) {
    if (!(object instanceof ObjectNode)) {
      throw new IllegalArgumentException("an object must be a JSON object, not " + object.getNodeType());
    }
    ObjectNode stored = ((ObjectNode) object).deepCopy();
    stored.remove("status");
    List<String> unknownFields = new ArrayList<>();
    Pruning.prune(stored, root, unknownFields);
    Defaulting.apply(stored, root);
    SchemaChecks checks = SchemaChecks.of(stored, root);
    List<Problem> problems = new ArrayList<>(checks.problems());
    if (!checks.blocksCel()) {
      CelChecks.check(stored, root, Paths.ROOT, problems);
    }
    return new Validated(stored, problems, unknownFields);
  }
}
