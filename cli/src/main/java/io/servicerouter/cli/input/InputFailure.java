package io.servicerouter.cli.input;

import java.util.OptionalInt;

/**
 * Input that cannot be read as documents: unreadable, too large, not UTF-8/UTF-16 text, a YAML or JSON syntax
 * error, a duplicate key, or a document beyond a limit of {@link InputDocuments}. The message is a user's
 * sentence, never a Java exception's text.
 */
public final class InputFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final int document;

  InputFailure(String message) {
    this(message, -1);
  }

  InputFailure(String message, int document) {
    super(message, null, false, false);
    this.document = document;
  }

  /** The 0-based index of the document the failure is in, when it is in one. */
  public OptionalInt document() {
    return document < 0 ? OptionalInt.empty() : OptionalInt.of(document);
  }

  InputFailure inDocument(int index) {
    return document >= 0 ? this : new InputFailure(getMessage(), index);
  }
}
