package org.shiori.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Mosquitto process for tests, on 127.0.0.1 and a free port, with its own configuration and
 * persistence directory (so a restart keeps sessions and queued messages). {@link #kill9()} sends
 * SIGKILL; {@link #restart()} starts it again on the same port with the same data.
 *
 * <p>With {@link #withTls}, the broker runs the configuration and ACL shipped in {@code
 * docs/mosquitto/} (see {@link ShippedBrokerConfig}): one TLS listener requiring client
 * certificates, the CN as user name and client id, the packet limit, and the tenant ACL.
 */
public final class MosquittoBroker implements AutoCloseable {

  private final Path dir;
  private final int port;
  private final Optional<TestCertificates> tls;
  private final String tenant;
  private final List<String> registeredDevices;
  private final MosquittoProcess process;

  private MosquittoBroker(
      String tenant, Optional<TestCertificates> tls, List<String> registeredDevices)
      throws IOException {
    this.tenant = tenant;
    this.tls = tls;
    this.registeredDevices = List.copyOf(registeredDevices);
    this.dir = Files.createTempDirectory("mosquitto-test-");
    this.port = FreePort.find();
    writeConfig();
    this.process =
        new MosquittoProcess(
            MosquittoProcess.DEBIAN_BINARY,
            dir.resolve("mosquitto.conf"),
            port,
            dir.resolve("stdout.log"));
  }

  /** A broker with one plain listener on loopback, anonymous access. */
  public static MosquittoBroker plain(String tenant) {
    try {
      return new MosquittoBroker(tenant, Optional.empty(), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A broker running the shipped configuration and ACL of docs/mosquitto for this tenant. */
  public static MosquittoBroker withTls(String tenant, TestCertificates certificates) {
    return withTls(tenant, certificates, List.of());
  }

  /**
   * As {@link #withTls(String, TestCertificates)}, with these device ids registered in the shipped
   * dynamic-security.json (refused the central share group, as in the field).
   */
  public static MosquittoBroker withTls(
      String tenant, TestCertificates certificates, List<String> registeredDevices) {
    try {
      return new MosquittoBroker(tenant, Optional.of(certificates), registeredDevices);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean installed() {
    return MosquittoProcess.installed();
  }

  public int port() {
    return port;
  }

  public URI url() {
    return URI.create((tls.isPresent() ? "ssl" : "tcp") + "://127.0.0.1:" + port);
  }

  public Path directory() {
    return dir;
  }

  /** Starts the process and returns once it accepts connections. */
  public synchronized MosquittoBroker start() {
    try {
      process.start();
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "\nbroker log:\n" + log(), e);
    }
    return this;
  }

  /** SIGKILL: no orderly shutdown, no final persistence save, connections cut. */
  public synchronized void kill9() {
    process.kill9();
  }

  /** SIGTERM: orderly shutdown (sessions saved). */
  public synchronized void stop() {
    process.stop();
  }

  /** Starts again on the same port with the same configuration and persisted data. */
  public synchronized MosquittoBroker restart() {
    process.stop();
    return start();
  }

  public synchronized boolean running() {
    return process.running();
  }

  /** The broker's log, for failure messages. */
  public String log() {
    try {
      Path log = dir.resolve("mosquitto.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public synchronized void close() {
    process.kill9();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is harmless.
    }
  }

  private void writeConfig() throws IOException {
    if (tls.isPresent()) {
      ShippedBrokerConfig shipped = ShippedBrokerConfig.load();
      Path acl = dir.resolve("acl");
      Files.writeString(acl, shipped.acl(tenant), StandardCharsets.UTF_8);
      Path dynsec = dir.resolve("dynamic-security.json");
      Files.writeString(dynsec, shipped.dynamicSecurity(registeredDevices), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("mosquitto.conf"),
          shipped.config(dir, port, tls.get(), acl, dynsec),
          StandardCharsets.UTF_8);
      return;
    }
    StringBuilder c = new StringBuilder();
    c.append("per_listener_settings false\n");
    c.append("user ").append(System.getProperty("user.name")).append('\n');
    c.append("persistence true\n");
    c.append("persistence_location ").append(dir).append("/\n");
    c.append("autosave_interval 1\n");
    c.append("max_queued_messages 100000\n");
    c.append("max_inflight_messages 20\n");
    c.append("set_tcp_nodelay true\n");
    c.append("log_dest file ").append(dir.resolve("mosquitto.log")).append('\n');
    c.append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n");
    c.append("listener ").append(port).append(" 127.0.0.1\n");
    c.append("allow_anonymous true\n");
    Files.writeString(dir.resolve("mosquitto.conf"), c, StandardCharsets.US_ASCII);
  }
}
