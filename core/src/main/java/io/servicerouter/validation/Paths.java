package io.servicerouter.validation;

/** Field paths as the API server prints them: dotted from the object root, list indices in brackets. */
final class Paths {

  /** The path of the object root. */
  static final String ROOT = "";

  private Paths() {}

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /** A CEL rule's {@code fieldPath} (such as {@code .sourceRegion}) joined to the rule's location. */
  static String join(String path, String relative) {
    return path.isEmpty() && relative.startsWith(".") ? relative.substring(1) : path + relative;
  }
}
