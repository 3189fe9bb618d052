package io.servicerouter.validation;

/**
 * One validation failure of an object, as the renderer prints it and the operator reports it in status
 * (SPEC §6.1, §2.6).
 *
 * @param field the field path, dotted from the object root with list indices in brackets
 * @param reason a type word such as {@code Invalid value} with the offending value and an explanation, or
 *     exactly the message of a failed CEL rule
 */
public record Problem(String field, String reason) {

  /** The problem formatted {@code <field path>: <reason>}, the form used in rejection lines and status. */
  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
