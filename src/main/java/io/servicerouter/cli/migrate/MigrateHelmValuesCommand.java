package io.servicerouter.cli.migrate;

import picocli.CommandLine.Command;

/** {@code servicerouter migrate-helm-values}: Helm chart values in, equivalent custom resources out. */
@Command(name = "migrate-helm-values", mixinStandardHelpOptions = true,
    description = "Convert multi-region-service-router Helm values into operator manifests.")
public final class MigrateHelmValuesCommand implements java.util.concurrent.Callable<Integer> {

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("being written");
  }
}
