package io.servicerouter.app;

import io.servicerouter.model.BuildVersion;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints, on the top command and on every subcommand. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"servicerouter " + BuildVersion.current()};
  }
}
