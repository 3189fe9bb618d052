package io.servicerouter.operator.faults;

import io.servicerouter.operator.OperatorCommand;
import picocli.CommandLine;

/** {@code servicerouter operator} as a program of its own, so that a test can run it as a process and kill it. */
public final class OperatorProcessMain {

  private OperatorProcessMain() {}

  /** Runs {@code operator} with {@code args} and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new OperatorCommand()).execute(args));
  }
}
