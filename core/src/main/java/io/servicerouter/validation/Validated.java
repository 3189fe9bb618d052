package io.servicerouter.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome of validating one object the way the API server admits it (SPEC §2.6, §6.1).
 *
 * @param object a deep copy of the input as the API server would store it: {@code status} removed, unknown
 *     fields pruned and schema defaults applied
 * @param problems the schema and CEL violations of the object, empty when it is valid
 * @param unknownFields dotted paths of the pruned unknown fields, e.g. {@code spec.foo}, in input order
 */
public record Validated(ObjectNode object, List<Problem> problems, List<String> unknownFields) {

  /**
   * Makes both lists immutable so a result can be shared safely.
   *
   * @param object the object as it would be stored
   * @param problems the schema and CEL violations
   * @param unknownFields the paths of the pruned fields
   */
  public Validated {
    problems = List.copyOf(problems);
    unknownFields = List.copyOf(unknownFields);
  }
}
