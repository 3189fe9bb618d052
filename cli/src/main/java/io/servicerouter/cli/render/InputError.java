package io.servicerouter.cli.render;

/**
 * A failure that is not a validation problem (unreadable path, syntax error, a document that is not a
 * Kubernetes object): printed as {@code <file>[#<doc index>]: error: <message>}, exit 1.
 */
public final class InputError extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the error with its full message line. */
  public InputError(String location, String message) {
    super(location + ": error: " + message);
  }
}
