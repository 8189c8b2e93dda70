package org.shiori.central.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.shiori.central.config.CentralConfig;
import org.shiori.testkit.FreePort;
import org.shiori.testkit.Required;

/**
 * A PostgreSQL server of a test's own (initdb into a temporary directory, a free loopback port,
 * trust authentication), so that the test may stop it and start it again, as a database server
 * restarted under central. PostgreSQL refuses to run as root: as root the server runs as the {@code
 * postgres} user (through {@code runuser}), otherwise as the current user.
 */
public final class OwnPostgresServer implements AutoCloseable {
  private final Path bin;
  private final Path directory;
  private final Path data;
  private final int port;

  private OwnPostgresServer(Path bin, Path directory, int port) {
    this.bin = bin;
    this.directory = directory;
    this.data = directory.resolve("data");
    this.port = port;
  }

  /** Creates the cluster and starts it; skipped locally, failed under CI, without the binaries. */
  public static OwnPostgresServer start() throws IOException, InterruptedException {
    Optional<Path> bin = serverBinaries();
    Required.part(bin.isPresent(), "PostgreSQL server binaries (apt-get install postgresql)");
    Path directory = Files.createTempDirectory("shiori-postgres-");
    OwnPostgresServer server = new OwnPostgresServer(bin.get(), directory, FreePort.find());
    if (runningAsRoot()) {
      run(List.of("chown", "postgres:postgres", directory.toString()));
    }
    server.asServerUser(
        List.of(
            bin.get().resolve("initdb").toString(),
            "-D",
            server.data.toString(),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync"));
    server.startAgain();
    return server;
  }

  /** Starts the stopped server and waits until it takes connections. */
  public void startAgain() throws IOException, InterruptedException {
    asServerUser(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            directory.resolve("server.log").toString(),
            "-w",
            "-o",
            "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1",
            "start"));
  }

  /** Stops the server at once, as a crash would: no checkpoint, every connection cut. */
  public void stopImmediately() throws IOException, InterruptedException {
    asServerUser(
        List.of(
            bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
  }

  /** A new database on this server, for central. */
  public CentralConfig.Database createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return CentralConfig.Database.postgresql(url(name), "postgres", 8);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The server's log, for a failing test's message. */
  public String log() {
    try {
      return Files.readString(directory.resolve("server.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no server log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stopImmediately();
    } catch (IOException e) {
      // already stopped
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void asServerUser(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (runningAsRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The newest installed server's binaries, as Debian lays them out. */
  private static Optional<Path> serverBinaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(OwnPostgresServer::version));
    }
  }

  private static int version(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
