package org.shiori.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the demo.
 *
 * @param host address of the HTTP server
 * @param port HTTP port, 0 for a free one
 * @param dataDirectory device data directory, or a fresh temporary one
 * @param broker an external MQTT broker, or the embedded one
 * @param clock the time source of the whole kiosk
 * @param readerLine the line to the emulated reader, or an in-memory one
 * @param externalCentral whether a central already serves the broker ({@code bin/central run}), so
 *     the demo starts none of its own; needs an external broker
 */
public record DemoOptions(
    String host,
    int port,
    Optional<Path> dataDirectory,
    Optional<URI> broker,
    Clock clock,
    Optional<ReaderLine> readerLine,
    boolean externalCentral) {
  public DemoOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(readerLine, "readerLine");
    if (externalCentral && broker.isEmpty()) {
      throw new IllegalArgumentException(
          "--external-central needs --broker: the broker that central is connected to");
    }
  }

  /** The demo with its own central. */
  public DemoOptions(
      String host,
      int port,
      Optional<Path> dataDirectory,
      Optional<URI> broker,
      Clock clock,
      Optional<ReaderLine> readerLine) {
    this(host, port, dataDirectory, broker, clock, readerLine, false);
  }

  /** The demo as it runs: the reader emulator on an in-memory line. */
  public DemoOptions(
      String host, int port, Optional<Path> dataDirectory, Optional<URI> broker, Clock clock) {
    this(host, port, dataDirectory, broker, clock, Optional.empty());
  }
}
