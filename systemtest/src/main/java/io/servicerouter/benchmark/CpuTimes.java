package io.servicerouter.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system) consumed so far by named processes, read from {@code /proc/<pid>/stat}; the
 * difference of two readings tells which process a benchmark phase spent the machine's CPU in.
 *
 * @param seconds CPU seconds by process name, in the order the processes were given
 */
public record CpuTimes(Map<String, Double> seconds) {

  /** Linux reports utime and stime in clock ticks, 100 per second on every architecture we run on. */
  private static final double TICKS_PER_SECOND = 100.0;

  /** Reads the CPU time of every process in {@code pids} (name to pid); a process that has exited reads 0. */
  public static CpuTimes read(Map<String, Long> pids) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    pids.forEach((name, pid) -> seconds.put(name, cpuSeconds(pid)));
    return new CpuTimes(seconds);
  }

  /**
   * The CPU time of all running processes by program, for each of {@code programs} (the file name of a
   * process's first argument, e.g. {@code kube-apiserver}), plus this JVM as {@code self}: for set-ups with
   * many processes of a kind, like the failover drill's two clusters.
   */
  public static CpuTimes byProgram(List<String> programs) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    programs.forEach(program -> seconds.put(program, 0.0));
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
        String program = program(dir);
        if (seconds.containsKey(program)) {
          seconds.merge(program, cpuSeconds(Long.parseLong(dir.getFileName().toString())), Double::sum);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    seconds.put("self", cpuSeconds(ProcessHandle.current().pid()));
    return new CpuTimes(seconds);
  }

  private static String program(Path processDirectory) {
    try {
      String commandLine = Files.readString(processDirectory.resolve("cmdline"));
      int end = commandLine.indexOf('\0');
      String first = end < 0 ? commandLine : commandLine.substring(0, end);
      return Path.of(first.isEmpty() ? "-" : first).getFileName().toString();
    } catch (IOException | RuntimeException e) {
      return "";  // the process ended meanwhile, or has no readable command line
    }
  }

  /** The CPU seconds spent by each process between {@code earlier} and this reading. */
  public CpuTimes since(CpuTimes earlier) {
    Map<String, Double> delta = new LinkedHashMap<>();
    seconds.forEach((name, value) -> delta.put(name, value - earlier.seconds.getOrDefault(name, 0.0)));
    return new CpuTimes(delta);
  }

  /** {@code name=1.23 s} for every process, e.g. {@code operator=3.10 s kube-apiserver=5.02 s}. */
  @Override
  public String toString() {
    return seconds.entrySet().stream()
        .map(entry -> String.format(Locale.ROOT, "%s=%.2f s", entry.getKey(), entry.getValue()))
        .collect(Collectors.joining(" "));
  }

  private static double cpuSeconds(long pid) {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!Files.exists(stat)) {
      return 0;
    }
    try {
      String line = Files.readString(stat);
      // The command name (field 2) may contain spaces; the numeric fields start after its closing parenthesis.
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 of proc(5) (utime, stime) are at 11 and 12 counted from field 3.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException e) {
      return 0;  // the process ended between listing and reading
    }
  }
}
