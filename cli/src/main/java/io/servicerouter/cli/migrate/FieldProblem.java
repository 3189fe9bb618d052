package io.servicerouter.cli.migrate;

/**
 * A rule violation found in a generated object, before it is traced back to the values.
 *
 * @param field  dotted path from the object root, list indices in brackets, e.g. {@code spec.region}
 * @param reason the reason as SPEC §6.1 formats it, e.g. {@code Invalid value: "NEU": must match ...}
 */
public record FieldProblem(String field, String reason) {}
