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
 */
public record DemoOptions(
    String host, int port, Optional<Path> dataDirectory, Optional<URI> broker, Clock clock) {
  public DemoOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(clock, "clock");
  }
}
