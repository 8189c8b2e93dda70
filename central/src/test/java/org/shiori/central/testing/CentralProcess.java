package org.shiori.central.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.shiori.testkit.Conditions;

/**
 * {@code central run --config FILE} as a process of its own (the same main class as bin/central),
 * for fault runs: killed with SIGKILL like a crashed server.
 */
public final class CentralProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private CentralProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static CentralProcess start(Path config, Path log) throws IOException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx256m",
                    "-cp",
                    classPath,
                    "org.shiori.central.app.CentralCommand",
                    "run",
                    "--config",
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new CentralProcess(p, log);
  }

  /** Waits until the process logged that it is connected and subscribed. */
  public CentralProcess awaitConnected(Duration timeout) {
    Conditions.await(timeout, () -> output().contains("subscriptions"), this::output);
    return this;
  }

  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** SIGKILL: no shutdown hook, no DISCONNECT, no lease released. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  public boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
