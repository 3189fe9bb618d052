package io.servicerouter.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Every process the harness started in this JVM: stopped by one shutdown hook at JVM exit (newest first), and
 * the source of the log tails printed when a test fails.
 */
final class ChildProcesses {

  private static final List<ManagedProcess> STARTED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-test-processes"));
  }

  private ChildProcesses() {}

  static void add(ManagedProcess process) {
    STARTED.add(process);
  }

  /** True if a process ended without being asked to stop, that is, it failed. */
  static boolean anyExitedOnItsOwn() {
    return STARTED.stream().anyMatch(ManagedProcess::exitedOnItsOwn);
  }

  /**
   * The log tails of the processes that matter to a failure: those still running and those that exited on
   * their own (crashed); processes stopped on purpose are left out.
   */
  static String failureReport(int linesPerProcess) {
    return STARTED.stream()
        .filter(p -> p.isAlive() || p.exitedOnItsOwn())
        .map(p -> p.tail(linesPerProcess) + (p.isAlive() ? "" : "\n(" + p.name() + " is not running)"))
        .collect(Collectors.joining("\n"));
  }

  private static void stopAll() {
    ManagedProcess.stopNewestFirst(STARTED.stream().filter(ManagedProcess::isAlive).toList());
  }
}
