package org.shiori.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker run as a child process from a configuration file, for the demo and the tests.
 * {@link #kill9()} is a real SIGKILL: no orderly shutdown, no final save of persisted sessions.
 */
public final class MosquittoProcess implements AutoCloseable {
  /** Where Debian's {@code mosquitto} package installs the broker. */
  public static final Path DEBIAN_BINARY = Path.of("/usr/sbin/mosquitto");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Path binary;
  private final Path config;
  private final int port;
  private final Path output;
  private Process process;
  private Thread reaper;

  /**
   * @param binary the mosquitto executable
   * @param config its configuration file
   * @param port the loopback port the configuration listens on, probed to know it is up
   * @param output where the process's standard output and error go
   */
  public MosquittoProcess(Path binary, Path config, int port, Path output) {
    this.binary = binary;
    this.config = config;
    this.port = port;
    this.output = output;
  }

  public static boolean installed() {
    return Files.isExecutable(DEBIAN_BINARY);
  }

  public int port() {
    return port;
  }

  /** Starts the process and returns once it accepts connections on the port. */
  public synchronized void start() {
    if (running()) {
      return;
    }
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          binary + " not found: install the Debian package 'mosquitto'");
    }
    try {
      process =
          new ProcessBuilder(binary.toString(), "-c", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    // The broker must not outlive the JVM that started it (a crashed test or demo).
    Process started = process;
    reaper = new Thread(started::destroyForcibly, "mosquitto-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    awaitListening();
  }

  /** SIGKILL, and wait until the process is gone. */
  public synchronized void kill9() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM (orderly: sessions saved), SIGKILL if it does not exit in time. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    awaitExit();
  }

  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("mosquitto (pid " + process.pid() + ") did not exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for mosquitto to exit", e);
    }
    process = null;
    if (reaper != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook runs anyway and finds the process gone.
      }
      reaper = null;
    }
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited at start: " + outputText());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    throw new IllegalStateException(
        "mosquitto not listening on " + port + " after " + START_TIMEOUT);
  }

  private static void pause() {
    try {
      // Start-up probe of an external process: its port is the only thing to wait on.
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for mosquitto", e);
    }
  }

  private String outputText() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output)";
    }
  }
}
