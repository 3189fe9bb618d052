package io.servicerouter.model;

/**
 * Validation patterns of the CRD schemas (used in annotations, so they must be constants) and of the rules
 * SPEC §2 marks "status", which the operator checks itself. Code that matches values compiles each pattern
 * once.
 */
public final class Patterns {

  /** A DNS-1123 label: lowercase alphanumerics and hyphens, starting and ending alphanumeric. */
  public static final String DNS1123_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** An http(s) URL of a zone agent's management server: scheme, host, optional port, no path or query. */
  public static final String ZONE_AGENT_URL = "^https?://[a-zA-Z0-9.-]+(:[0-9]{1,5})?/?$";

  /** An http(s) URL of a gateway health endpoint: scheme, host, optional port and path, no spaces. */
  public static final String PROBE_URL = "^https?://[a-zA-Z0-9.-]+(:[0-9]{1,5})?(/[^\\s]*)?$";

  /** Maximum length of a DNS-1123 label. */
  public static final int DNS1123_LABEL_MAX = 63;

  /** A DNS domain of at least two labels ending in an alphabetic top-level label. */
  public static final String DOMAIN = "^([a-z0-9]+(-[a-z0-9]+)*\\.)+[a-z]{2,}$";

  /**
   * Dot-separated labels of 1 to {@value #DNS1123_LABEL_MAX} characters: the label length a DNS name allows, which
   * {@link #DOMAIN} does not bound (checked by a CEL rule, since a schema has one pattern per field).
   */
  public static final String DOMAIN_LABEL_LENGTHS = "^([^.]{1," + DNS1123_LABEL_MAX + "}[.])*[^.]{1," + DNS1123_LABEL_MAX + "}$";

  /** A Gateway's {@code spec.targetPostfix} (a status rule): lowercase alphanumeric words joined by hyphens. */
  public static final String TARGET_POSTFIX = "^[a-z0-9]+(-[a-z0-9]+)*$";

  /** A single lowercase letter. */
  public static final String ENVIRONMENT_LETTER = "^[a-z]$";

  private Patterns() {}
}
