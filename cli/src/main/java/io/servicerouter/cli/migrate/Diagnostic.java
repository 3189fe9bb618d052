package io.servicerouter.cli.migrate;

/**
 * One line the migration prints on stderr: an error (the values cannot be migrated, exit 2) or a warning
 * (the manifests are produced, but something deserves a look).
 *
 * @param severity whether the line is an error or a warning
 * @param path     the values path of the field at fault, e.g. {@code apps[0].region}
 * @param message  what is wrong, worded as SPEC §6.2 words it
 */
public record Diagnostic(Severity severity, String path, String message) {

  /** Whether a diagnostic blocks the migration. */
  public enum Severity {
    /** The values cannot be migrated; nothing is printed on stdout and the exit status is 2. */
    ERROR,
    /** Printed, but the manifests are still produced and the exit status is unchanged. */
    WARNING
  }

  /** The stderr line: {@code <path>: <message>} for errors, {@code <path>: warning: <message>} for warnings. */
  public String line() {
    return severity == Severity.ERROR ? path + ": " + message : path + ": warning: " + message;
  }
}
