package io.servicerouter.app;

import io.servicerouter.model.BuildVersion;
import picocli.CommandLine.Command;

/** {@code servicerouter version}: prints the build version. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
public final class VersionCommand implements Runnable {

  @Override
  public void run() {
    System.out.println(BuildVersion.current());
  }
}
