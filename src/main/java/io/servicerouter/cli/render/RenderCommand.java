package io.servicerouter.cli.render;

import picocli.CommandLine.Command;

/** {@code servicerouter render}: the operator's evaluation of a set of manifests, without a cluster. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Print the DNSEndpoints and Istio Gateways the operator would write for the given inputs.")
public final class RenderCommand implements java.util.concurrent.Callable<Integer> {

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("being written");
  }
}
