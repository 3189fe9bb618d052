package io.servicerouter.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of this build, read from the jar manifest (or {@code dev} when run from classes). */
public final class BuildVersion implements IVersionProvider {

  /** The implementation version of the running code. */
  public static String current() {
    String version = BuildVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"servicerouter " + current()};
  }
}
