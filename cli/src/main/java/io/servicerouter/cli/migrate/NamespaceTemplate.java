package io.servicerouter.cli.migrate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --namespace-template} of {@code migrate-helm-values}: how an app's namespace is derived from
 * its name and environment, e.g. {@code {app}} (the default) or {@code {environment}-{app}}. Flux variables
 * ({@code ${VAR}}) in the template are kept as they are.
 */
public final class NamespaceTemplate {

  /** The default: each app gets the namespace named like the app. */
  public static final String DEFAULT = "{app}";

  private static final String APP = "app";
  private static final String ENVIRONMENT = "environment";
  private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\{([^{}]*)}");

  private final String template;

  private NamespaceTemplate(String template) {
    this.template = template;
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException if it uses a placeholder other than {@code {app}} and {@code {environment}}
   */
  public static NamespaceTemplate parse(String template) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!APP.equals(matcher.group(1)) && !ENVIRONMENT.equals(matcher.group(1))) {
        throw new IllegalArgumentException("unknown placeholder " + matcher.group()
            + " in namespace template \"" + template + "\"; supported: {app}, {environment}");
      }
    }
    return new NamespaceTemplate(template);
  }

  /** Whether the namespace depends on the app's name. */
  boolean usesApp() {
    return uses(APP);
  }

  /** Whether the namespace depends on the app's environment, which must then be given. */
  boolean usesEnvironment() {
    return uses(ENVIRONMENT);
  }

  /** The namespace of an app. */
  public String namespaceFor(String app, String environment) {
    return PLACEHOLDER.matcher(template).replaceAll(
        placeholder -> Matcher.quoteReplacement(APP.equals(placeholder.group(1)) ? app : environment));
  }

  private boolean uses(String name) {
    return PLACEHOLDER.matcher(template).results().anyMatch(placeholder -> name.equals(placeholder.group(1)));
  }
}
