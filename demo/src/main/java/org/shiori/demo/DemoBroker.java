package org.shiori.demo;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's MQTT 5 broker, inside the demo's own process (HiveMQ Community Edition, embedded):
 * loopback only, anonymous, in-memory, so the demo needs no service installed. Real deployments use
 * the library's broker over TLS (see docs/mqtt.md).
 */
public final class DemoBroker implements AutoCloseable {
  private final Path workDir;
  private final int port;
  private EmbeddedHiveMQ broker;

  /**
   * @param workDir the broker's own folders; never the device's data directory
   */
  public DemoBroker(Path workDir) {
    this.workDir = workDir;
    this.port = freeLoopbackPort();
  }

  public DemoBroker start() {
    try {
      Path config = Files.createDirectories(workDir.resolve("conf"));
      Files.writeString(config.resolve("config.xml"), configuration(), StandardCharsets.UTF_8);
      keepOurLogging(config.resolve("logback.xml"));
      broker =
          EmbeddedHiveMQ.builder()
              .withConfigurationFolder(config)
              .withDataFolder(Files.createDirectories(workDir.resolve("data")))
              .withExtensionsFolder(Files.createDirectories(workDir.resolve("extensions")))
              .build();
      broker.start().join();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the demo broker in " + workDir, e);
    }
  }

  /**
   * The embedded broker reloads logging from its configuration folder, else from its own defaults:
   * give it the kiosk's configuration so the demo's log keeps one format and level.
   */
  private static void keepOurLogging(Path target) throws IOException {
    try (var in = DemoBroker.class.getResourceAsStream("/kiosk-logback.xml")) {
      if (in != null) {
        Files.copy(in, target);
      }
    }
  }

  public URI url() {
    return URI.create("tcp://127.0.0.1:" + port);
  }

  private String configuration() {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
          </listeners>
          <persistence><mode>in-memory</mode></persistence>
          <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
        </hivemq>
        """
        .formatted(port);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  @Override
  public void close() {
    if (broker != null) {
      broker.stop().join();
      try {
        broker.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the demo broker failed", e);
      }
    }
  }
}
