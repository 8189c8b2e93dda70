package org.shiori.kiosk.central;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's broker: Mosquitto as a child process on 127.0.0.1, plain TCP, anonymous, with its
 * persistence in a working directory of its own (never the device's data directory).
 *
 * <p>Why not Moquette: Moquette 0.17 speaks MQTT 3.1.1 only and refuses the MQTT 5 CONNECT of the
 * Paho v5 client ("MQTT protocol version is not valid"); the messaging layer needs MQTT 5 (shared
 * subscriptions, session expiry, request/response). Mosquitto is the broker libraries run anyway.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final int port;
  private final Path workDir;
  private final MosquittoProcess process;

  /**
   * @param port the loopback port to listen on
   * @param workDir a directory for the broker's configuration, persistence and log
   */
  public EmbeddedBroker(int port, Path workDir) {
    this(MosquittoProcess.DEBIAN_BINARY, port, workDir);
  }

  /**
   * @param binary the mosquitto executable
   * @param port the loopback port to listen on
   * @param workDir a directory for the broker's configuration, persistence and log
   */
  public EmbeddedBroker(Path binary, int port, Path workDir) {
    this.port = port;
    this.workDir = workDir;
    this.process =
        new MosquittoProcess(
            binary, workDir.resolve("mosquitto.conf"), port, workDir.resolve("mosquitto.out"));
  }

  public void start() {
    try {
      Files.createDirectories(workDir);
      Files.writeString(workDir.resolve("mosquitto.conf"), config(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the broker directory " + workDir, e);
    }
    process.start();
  }

  public URI url() {
    return URI.create("tcp://127.0.0.1:" + port);
  }

  public void stop() {
    process.stop();
  }

  @Override
  public void close() {
    stop();
  }

  private String config() {
    return "per_listener_settings false\n"
        + "user "
        + System.getProperty("user.name")
        + "\n"
        + "persistence true\n"
        + "persistence_location "
        + workDir.toAbsolutePath()
        + "/\n"
        + "autosave_interval 5\n"
        + "max_queued_messages 100000\n"
        + "set_tcp_nodelay true\n"
        + "log_dest file "
        + workDir.toAbsolutePath().resolve("mosquitto.log")
        + "\n"
        + "listener "
        + port
        + " 127.0.0.1\n"
        + "allow_anonymous true\n";
  }
}
