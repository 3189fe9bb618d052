package io.servicerouter.cli.migrate;

/**
 * A values file that cannot be used: unreadable, not YAML, or neither a values mapping nor a HelmRelease.
 * The command prints {@link #line()} and exits with status 1 (SPEC §6.2 "other failures").
 */
public final class ValuesFileException extends Exception {

  private final String file;

  /** A failure of {@code file} (as given on the command line), described by {@code message}. */
  public ValuesFileException(String file, String message) {
    super(message);
    this.file = file;
  }

  /** The stderr line {@code <file>: error: <message>}. */
  public String line() {
    return file + ": error: " + getMessage();
  }
}
