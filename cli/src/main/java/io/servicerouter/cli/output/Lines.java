package io.servicerouter.cli.output;

/** Message lines as the commands print them on stderr: one line each, whatever the input put in them. */
public final class Lines {

  private Lines() {}

  /**
   * The text with every control character (line breaks and terminal escapes included) and Unicode line or
   * paragraph separator written as a Java-style escape (backslash, u, four hex digits), so that a name or key
   * taken from the input can neither split a message into several lines nor drive the terminal.
   */
  public static String printable(String text) {
    StringBuilder line = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escape = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
      if (escape && line == null) {
        line = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (escape) {
        line.append(String.format("\\u%04x", (int) c));
      } else if (line != null) {
        line.append(c);
      }
    }
    return line == null ? text : line.toString();
  }
}
