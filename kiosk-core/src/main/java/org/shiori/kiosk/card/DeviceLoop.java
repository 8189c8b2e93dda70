package org.shiori.kiosk.card;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of one card device: connects, reads until the device goes away, and looks for it again
 * every {@code retry}, so a scanner unplugged and plugged back works without a restart. Only
 * changes (gone, back) are logged.
 */
final class DeviceLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceLoop.class);

  /** One connection to the device: reads until it fails or {@link #close} stops the loop. */
  interface Session {
    void run() throws IOException;
  }

  /** Connects to the device, or fails. */
  interface Connector {
    Session connect() throws IOException;
  }

  private final String name;
  private final Connector connector;
  private final Duration retry;
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean connected;

  DeviceLoop(String name, Connector connector, Duration retry) {
    this.name = name;
    this.connector = connector;
    this.retry = retry;
    this.thread = new Thread(this::loop, "card-" + name);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  boolean connected() {
    return connected;
  }

  boolean closed() {
    return closed;
  }

  private void loop() {
    boolean absentLogged = false;
    while (!closed) {
      try {
        Session session = connector.connect();
        connected = true;
        absentLogged = false;
        LOG.info("card device {} connected", name);
        session.run();
        if (!closed) {
          LOG.warn("card device {} went away; looking for it again", name);
        }
      } catch (IOException | RuntimeException e) {
        if (!closed && (connected || !absentLogged)) {
          LOG.warn("card device {} not available ({}); looking for it again", name, e.getMessage());
          absentLogged = true;
        }
      } finally {
        connected = false;
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(retry.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
