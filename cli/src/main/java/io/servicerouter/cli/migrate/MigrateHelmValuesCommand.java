package io.servicerouter.cli.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servicerouter.cli.output.FormatConverter;
import io.servicerouter.cli.output.ManifestWriter;
import io.servicerouter.validation.MetadataRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code servicerouter migrate-helm-values} (SPEC §6.2): multi-region-service-router Helm values in,
 * equivalent operator manifests out, and with {@code --helm-release} the Flux HelmRelease of the new chart
 * ({@link OperatorHelmRelease}). Reads the files, runs {@link HelmValuesMigrator} and prints; exit 0 on success, 1
 * for unusable files or options, 2 when the values break a rule.
 */
@Command(name = "migrate-helm-values", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Convert multi-region-service-router Helm values into operator manifests (with --helm-release,"
        + " also the Flux HelmRelease of the service-router-operator chart).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:manifests printed", "1:unusable file or usage error", "2:the values break a rule"})
public final class MigrateHelmValuesCommand implements Callable<Integer> {

  /** Exit status when the values break a rule (SPEC §6.2 "Validation"). */
  public static final int EXIT_INVALID_VALUES = 2;
  /** Exit status for files that cannot be used (SPEC §6.2 "other failures"). */
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--values"}, paramLabel = "VALUES", required = true,
      description = "A values file or a Flux HelmRelease; repeat to merge several, later files winning.")
  List<Path> valuesFiles;

  @Option(names = "--gateway-namespace", paramLabel = "NS", defaultValue = "istio-system",
      description = "Namespace of the generated Gateways, the chart's release namespace (default: ${DEFAULT-VALUE}).")
  String gatewayNamespace;

  @Option(names = "--namespace-template", paramLabel = "TEMPLATE", defaultValue = NamespaceTemplate.DEFAULT,
      description = "Namespace of each app's objects, with {app} and {environment} (default: ${DEFAULT-VALUE}).")
  String namespaceTemplate;

  @Option(names = "--helm-release",
      description = "Also print, after the manifests, a Flux HelmRelease of the service-router-operator chart as in"
          + " examples/flux/helmrelease.yaml, whose values run one ExternalDNS per externalDns entry (clusterRegion"
          + " from region, same domain and order). The old values name no DNS provider: each zone gets Azure Private"
          + " DNS with a workload identity whose settings are Flux variables named after the controller, e.g."
          + " $${EXTERNAL_DNS_WEU_SUBSCRIPTION_ID}, $${EXTERNAL_DNS_WEU_RESOURCE_GROUP} and"
          + " $${EXTERNAL_DNS_WEU_CLIENT_ID} for external-dns-weu; a warning per zone lists them.")
  boolean helmRelease;

  @Option(names = "-o", paramLabel = "yaml|json", defaultValue = "yaml", converter = FormatConverter.class,
      description = "Output format (default: ${DEFAULT-VALUE}).")
  ManifestWriter.Format format;

  /** Reads, converts and prints; returns the exit status (usage errors are thrown to picocli, exit 1). */
  @Override
  public Integer call() {
    HelmValuesMigrator migrator = new HelmValuesMigrator(validGatewayNamespace(), template(), CrdSchemaCheck.fromClasspath());
    PrintWriter err = spec.commandLine().getErr();
    ValuesFiles.Merged values;
    try {
      values = ValuesFiles.readMerged(valuesFiles);
    } catch (ValuesFileException e) {
      err.println(e.line());
      return EXIT_FAILURE;
    }
    values.warnings().forEach(err::println);
    Migration migration = migrator.migrate(values.values());
    migration.diagnostics().forEach(diagnostic -> err.println(diagnostic.line()));
    if (migration.failed()) {
      return EXIT_INVALID_VALUES;
    }
    List<ObjectNode> objects = migration.objects();
    if (helmRelease) {
      OperatorHelmRelease.Result release = OperatorHelmRelease.of(objects);
      release.warnings().forEach(warning -> err.println(warning.line()));
      objects = new ArrayList<>(objects);
      objects.add(release.manifest());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(ManifestWriter.write(objects, format));
    out.flush();
    return 0;
  }

  /** The gateway namespace; anything but a DNS-1123 label is a usage error. */
  private String validGatewayNamespace() {
    List<String> reasons = MetadataRules.labelReasons(gatewayNamespace);
    if (!reasons.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "option '--gateway-namespace': " + reasons.get(0));
    }
    return gatewayNamespace;
  }

  /** The parsed namespace template; an unknown placeholder is a usage error. */
  private NamespaceTemplate template() {
    try {
      return NamespaceTemplate.parse(namespaceTemplate);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--namespace-template': " + e.getMessage());
    }
  }
}
