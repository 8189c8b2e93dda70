package org.shiori.bench.central;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CPU time of the processes around central during a run, so that central's cost per transaction can
 * be told apart from its load generator's and the broker's on a machine they share: CPU time does
 * not shrink when other work takes the cores, wall-clock throughput does.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  /** Total CPU time a process used so far, zero when it is gone or not visible. */
  static long nanos(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().totalCpuDuration())
        .map(Duration::toNanos)
        .orElse(0L);
  }

  /** Linux's USER_HZ: the unit of the CPU times in {@code /proc/.../stat}. */
  private static final long TICKS_PER_SECOND = 100;

  /**
   * CPU time so far of this JVM's threads, summed per kind of thread (digits in names dropped),
   * from {@code /proc/self/task}: the JIT compiler's and the garbage collector's threads included,
   * which the JVM's own thread bean does not list. Threads that ended are not among them.
   */
  static Map<String, Long> threadsOfThisJvm() throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
          continue; // ended meanwhile
        }
        // pid (comm) state ...: utime and stime are fields 14 and 15; comm may hold spaces.
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        out.merge(
            name.replaceAll("[0-9]+", "N"), ticks * 1_000_000_000L / TICKS_PER_SECOND, Long::sum);
      }
    }
    return out;
  }

  /**
   * One line: where a JVM's CPU time went between two readings of {@link #threadsOfThisJvm()}, per
   * kind of thread, in microseconds per transaction, the eight busiest kinds first.
   */
  static String perThreadKind(
      String jvm, Map<String, Long> before, Map<String, Long> after, long total, long count) {
    StringBuilder b = new StringBuilder(jvm + " threads, us per transaction:");
    long threads = 0;
    List<Map.Entry<String, Long>> used = new ArrayList<>();
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long spent = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      threads += spent;
      used.add(Map.entry(e.getKey(), spent));
    }
    used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> e : used.subList(0, Math.min(8, used.size()))) {
      b.append(String.format(Locale.ROOT, " %s %.0f;", e.getKey(), e.getValue() / 1e3 / count));
    }
    b.append(
        String.format(Locale.ROOT, " threads that ended %.0f", (total - threads) / 1e3 / count));
    return b.toString();
  }

  /** The broker started by this JVM (a child process named mosquitto). */
  static Optional<ProcessHandle> mosquitto() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("mosquitto")).orElse(false))
        .findFirst();
  }

  /** CPU time so far of each PostgreSQL backend serving {@code jdbcUrl}'s database but this one. */
  static Map<Long, Long> postgresBackends(String jdbcUrl, String user) throws SQLException {
    Map<Long, Long> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
        PreparedStatement s =
            c.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.put(r.getLong(1), nanos(r.getLong(1)));
      }
    }
    return out;
  }

  /**
   * Counters of a database: commits; autovacuum and autoanalyze runs on its tables; rows its
   * sequential scans read (a plan gone wrong shows there first).
   */
  record DatabaseCounters(
      long commits, long autovacuums, long autoanalyzes, long rowsReadBySequentialScans) {
    DatabaseCounters since(DatabaseCounters before) {
      return new DatabaseCounters(
          commits - before.commits,
          autovacuums - before.autovacuums,
          autoanalyzes - before.autoanalyzes,
          rowsReadBySequentialScans - before.rowsReadBySequentialScans);
    }
  }

  /**
   * The counters of {@code jdbcUrl}'s database so far. Backends report them at most once a second
   * while busy, so they are read after a pause of that length.
   */
  static DatabaseCounters counters(String jdbcUrl, String user)
      throws SQLException, InterruptedException {
    Thread.sleep(1_100);
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
        PreparedStatement s =
            c.prepareStatement(
                "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname ="
                    + " current_database()), coalesce(sum(autovacuum_count), 0),"
                    + " coalesce(sum(autoanalyze_count), 0), coalesce(sum(seq_tup_read), 0)"
                    + " FROM pg_stat_user_tables");
        ResultSet r = s.executeQuery()) {
      r.next();
      return new DatabaseCounters(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
    }
  }

  /** What the backends used between two readings; one that appeared in between counts whole. */
  static long postgresBetween(Map<Long, Long> before, Map<Long, Long> after) {
    long sum = 0;
    for (Map.Entry<Long, Long> e : after.entrySet()) {
      sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return sum;
  }
}
