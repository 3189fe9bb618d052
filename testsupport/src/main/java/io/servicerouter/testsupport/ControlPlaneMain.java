package io.servicerouter.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code scripts/control-plane up|down|status}: a named {@link ControlPlane} (with a {@link BindServer} for
 * {@code --dns}) for a developer's shell, the same recipe as the tests'.
 *
 * <p>{@code up} runs until it is stopped, like the tests' JVM, and its processes stop when it ends (SIGTERM,
 * Ctrl-C, or {@code down}); it also ends, with the log tails, when one of them fails. The script runs it in the
 * foreground or, with {@code --detach}, in the background with its output in {@code up.log}, returning once it
 * logged that it is up. Each name has its own directory {@code <state root>/<name>} (the state root is
 * {@code $SERVICEROUTER_STATE}, default {@code ${XDG_RUNTIME_DIR:-/tmp}/servicerouter-cp}), used as the
 * harness's build directory ({@link TestDirectories}): {@code it-state/} and {@code it-logs/} as in a test run,
 * plus {@code up.pid} (the {@code up} JVM), {@code env} (the lines {@code up} printed) and {@code run}, a link
 * to the PID files of etcd, kube-apiserver and kube-controller-manager (where scripts such as benchmark harnesses
 * read them). {@code down} and {@code status} find the processes through those PID files only, like the tests'
 * clean-up of a killed run.
 */
public final class ControlPlaneMain {

  /** The PID file of the {@code up} JVM, in the control plane's directory. */
  private static final String UP_PID_FILE = "up.pid";
  /** The KEY=VALUE lines {@code up} printed, in the control plane's directory. */
  private static final String ENV_FILE = "env";
  /** The link, in the control plane's directory, to the directory of its processes' PID files. */
  private static final String RUN_LINK = "run";
  private static final String USAGE = """
      usage: scripts/control-plane up [--name NAME] [--dns ZONE ...] [--crds DIR] [--detach | --foreground]
               start (with the CRDs of DIR's YAML files instead of the operator's); print KEY=VALUE lines once
               ready; then run until SIGTERM or Ctrl-C (--foreground, the default when standard output is a
               terminal) or return and leave it running (--detach, the default otherwise)
             scripts/control-plane down [--name NAME]      stop it and remove its state
             scripts/control-plane status [--name NAME]    show what is running
      NAME: letters, digits and dashes, default "default".""";
  private static final Duration POLL = Duration.ofMillis(500);
  /** Ctrl-C signals the whole process group: the children may exit a moment before this JVM's shutdown starts. */
  private static final Duration SETTLE = Duration.ofSeconds(1);
  private static final int TAIL_LINES = 25;

  private ControlPlaneMain() {}

  /** What to do. */
  enum Verb { UP, DOWN, STATUS }

  /**
   * A parsed command line.
   *
   * @param verb the command
   * @param name the {@code --name} given, if any
   * @param zones the {@code --dns} zones of {@code up}, without duplicates
   * @param crds the {@code --crds} directory of {@code up}, if any
   */
  record Arguments(Verb verb, Optional<String> name, List<String> zones, Optional<Path> crds) {

    private static final String DEFAULT_NAME = "default";
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9-]{0,62}";
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String ZONE = LABEL + "(\\." + LABEL + ")*";

    /**
     * Parses {@code up [--name NAME] [--dns ZONE ...] [--crds DIR]}, {@code down [--name NAME]},
     * {@code status [--name NAME]}; {@code --name=NAME}, {@code --dns=ZONE} and {@code --crds=DIR} work too, and
     * {@code --dns} takes every following argument up to the next option.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static Arguments parse(List<String> args) {
      if (args.isEmpty()) {
        throw new IllegalArgumentException("no command");
      }
      Verb verb = switch (args.get(0)) {
        case "up" -> Verb.UP;
        case "down" -> Verb.DOWN;
        case "status" -> Verb.STATUS;
        default -> throw new IllegalArgumentException("unknown command " + args.get(0));
      };
      String name = null;
      List<String> zones = new ArrayList<>();
      Path crds = null;
      for (int i = 1; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.startsWith("--name=")) {
          name = checked("name", arg.substring("--name=".length()), NAME);
        } else if (arg.equals("--name")) {
          if (++i == args.size()) {
            throw new IllegalArgumentException("--name needs a value");
          }
          name = checked("name", args.get(i), NAME);
        } else if (verb == Verb.UP && arg.startsWith("--dns=")) {
          zones.add(checked("zone", arg.substring("--dns=".length()), ZONE));
        } else if (verb == Verb.UP && arg.equals("--dns")) {
          int before = zones.size();
          while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
            zones.add(checked("zone", args.get(++i), ZONE));
          }
          if (zones.size() == before) {
            throw new IllegalArgumentException("--dns needs at least one zone");
          }
        } else if (verb == Verb.UP && arg.startsWith("--crds=")) {
          crds = crdDirectory(crds, arg.substring("--crds=".length()));
        } else if (verb == Verb.UP && arg.equals("--crds")) {
          crds = crdDirectory(crds, ++i < args.size() ? args.get(i) : "");
        } else {
          throw new IllegalArgumentException(args.get(0) + ": unknown argument " + arg);
        }
      }
      return new Arguments(verb, Optional.ofNullable(name), zones.stream().distinct().toList(),
          Optional.ofNullable(crds));
    }

    /** The name given, or {@code default}. */
    String nameOrDefault() {
      return name.orElse(DEFAULT_NAME);
    }

    /** The {@code --crds} directory {@code value}, if no directory was given {@code before}. */
    private static Path crdDirectory(Path before, String value) {
      if (before != null) {
        throw new IllegalArgumentException("--crds given twice");
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException("--crds needs a directory");
      }
      return Path.of(value);
    }

    private static String checked(String what, String value, String pattern) {
      if (!value.matches(pattern)) {
        throw new IllegalArgumentException("invalid " + what + " '" + value + "'");
      }
      return value;
    }
  }

  /**
   * Entry point; exits 0 on success, 1 on failure ({@code status}: when a control plane asked for is not
   * running), 2 on a wrong command line. {@code up} returns only when one of its processes failed.
   *
   * @param args see {@link Arguments#parse}
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args)));
  }

  private static int run(List<String> args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("control-plane: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    Path root = stateRoot(System.getenv());
    String name = arguments.nameOrDefault();
    try {
      return switch (arguments.verb()) {
        case UP -> up(root.resolve(name), name, arguments);
        case DOWN -> down(root.resolve(name), name);
        case STATUS -> status(root, arguments.name());
      };
    } catch (RuntimeException e) {
      System.err.println("control-plane " + arguments.verb().name().toLowerCase(Locale.ROOT) + ": FAILED: "
          + e.getMessage());
      return 1;
    }
  }

  /**
   * The directory of the named control planes: {@code SERVICEROUTER_STATE}, else
   * {@code <XDG_RUNTIME_DIR or /tmp>/servicerouter-cp}, absolute (an empty variable counts as unset).
   */
  static Path stateRoot(Map<String, String> environment) {
    Optional<String> explicit = nonEmpty(environment.get("SERVICEROUTER_STATE"));
    Path root = explicit.map(Path::of).orElseGet(() ->
        Path.of(nonEmpty(environment.get("XDG_RUNTIME_DIR")).orElse("/tmp"), "servicerouter-cp"));
    return root.toAbsolutePath();
  }

  private static int up(Path directory, String name, Arguments arguments) {
    Optional<PidFile> running = PidFile.read(directory.resolve(UP_PID_FILE)).filter(PidFile::stillRunning);
    if (running.isPresent()) {
      log("'" + name + "' is already running (pid " + running.get().pid() + "); stop it with: scripts/control-plane"
          + " down --name " + name);
      return 1;
    }
    TestDirectories.created(directory);
    long pid = ProcessHandle.current().pid();
    new PidFile(pid, ProcFs.argv0(pid).orElseThrow()).write(directory.resolve(UP_PID_FILE));
    delete(directory.resolve(ENV_FILE));
    System.setProperty("project.build.directory", directory.toString());
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true), "control-plane-stopping"));
    // Only the KEY=VALUE lines go to standard output; the harness's progress lines go to standard error.
    PrintStream stdout = System.out;
    System.setOut(System.err);

    ControlPlane plane = arguments.crds().map(crds -> ControlPlane.start(name, crds))
        .orElseGet(() -> ControlPlane.start(name));
    linkRunDirectory(directory, name);
    List<String> zones = arguments.zones();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KUBECONFIG", plane.kubeconfig().toString());
    env.put("API_SERVER", plane.serverUrl());
    if (!zones.isEmpty()) {
      BindServer bind = BindServer.start(name + "-dns", zones);
      env.put("DNS_PORT", Integer.toString(bind.port()));
      env.put("TSIG_KEY_NAME", bind.tsigKey().name());
      env.put("TSIG_SECRET", bind.tsigKey().secret());
      env.put("TSIG_ALG", bind.tsigKey().algorithm());
      env.put("DNS_ZONES", String.join(",", zones));
    }
    String lines = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n")
        .collect(Collectors.joining());
    write(directory.resolve(ENV_FILE), lines);
    stdout.print(lines);
    stdout.flush();
    log("'" + name + "' is up; running until SIGTERM or Ctrl-C (or: scripts/control-plane down --name " + name + ")");

    awaitFailure(stopping);
    log("'" + name + "': a process failed; stopping the others\n" + ChildProcesses.failureReport(TAIL_LINES));
    return 1;
  }

  /**
   * Links {@code <directory>/run} to the control plane's {@code it-state/<name>/run}, the directory of the PID
   * files of etcd, kube-apiserver and kube-controller-manager.
   */
  private static void linkRunDirectory(Path directory, String name) {
    Path link = directory.resolve(RUN_LINK);
    try {
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, directory.relativize(TestDirectories.stateRoot().resolve(name).resolve("run")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns once a process exited unasked, or never if the JVM is shutting down meanwhile. */
  private static void awaitFailure(AtomicBoolean stopping) {
    while (!ChildProcesses.anyExitedOnItsOwn()) {
      ManagedProcess.sleep(POLL);
    }
    ManagedProcess.sleep(SETTLE);
    while (stopping.get()) {
      ManagedProcess.sleep(POLL); // the shutdown hooks stop the others, then the JVM halts
    }
  }

  /**
   * Stops the {@code up} JVM (whose shutdown stops its processes in order), then whatever a killed JVM left
   * running, and removes the directory.
   */
  private static int down(Path directory, String name) {
    if (!Files.isDirectory(directory)) {
      log("'" + name + "' is not running");
      return 0;
    }
    List<PidFile> running = runningOldestFirst(directory);
    PidFile.read(directory.resolve(UP_PID_FILE)).filter(PidFile::stillRunning).ifPresent(StaleProcesses::stop);
    StaleProcesses.stop(directory);
    StateDirectories.deleteRecursively(directory);
    log(running.isEmpty() ? "'" + name + "' had no running process; state removed"
        : "'" + name + "' stopped (" + running.stream().map(ControlPlaneMain::program)
            .collect(Collectors.joining(", ")) + ")");
    return 0;
  }

  private static int status(Path root, Optional<String> name) {
    List<String> names = name.map(List::of).orElseGet(() -> subdirectories(root));
    if (names.isEmpty()) {
      System.out.println("no control plane under " + root);
      return 0;
    }
    int exit = 0;
    for (String each : names) {
      Path directory = root.resolve(each);
      List<PidFile> running = Files.isDirectory(directory) ? runningOldestFirst(directory) : List.of();
      if (running.isEmpty()) {
        System.out.println(each + ": not running");
        exit = 1;
        continue;
      }
      System.out.println(each + ": running (" + directory + ")");
      running.forEach(p -> System.out.printf("  %-24s pid %d%n", program(p), p.pid()));
      readLines(directory.resolve(ENV_FILE)).stream()
          .map(line -> line.startsWith("TSIG_SECRET=") ? "TSIG_SECRET=***" : line)
          .forEach(line -> System.out.println("  " + line));
    }
    return exit;
  }

  /** The running processes of the control plane in {@code directory}: the {@code up} JVM, then its children. */
  private static List<PidFile> runningOldestFirst(Path directory) {
    List<PidFile> running = new ArrayList<>(StaleProcesses.runningNewestFirst(directory));
    Collections.reverse(running);
    return running;
  }

  private static String program(PidFile process) {
    return Path.of(process.program()).getFileName().toString();
  }

  private static List<String> subdirectories(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> nonEmpty(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isEmpty());
  }

  private static void log(String message) {
    System.err.println("[control-plane] " + message);
  }
}
