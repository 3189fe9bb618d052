package io.servicerouter.model;

/** The version of this build, read from the jar manifest (or {@code dev} when run from classes). */
public final class BuildVersion {

  private BuildVersion() {}

  /** The implementation version of the running code. */
  public static String current() {
    String version = BuildVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
