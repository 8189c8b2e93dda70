package org.shiori.rfid.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port through jSerialComm. When the device disappears (USB-serial adapter unplugged) the
 * current operation fails with an IOException and the port is reopened by a later call once the
 * device is back, at most once per {@code reopenInterval}.
 *
 * <p>{@link #read} returns as soon as any bytes are there; it never waits for the line to go quiet.
 * Frames are cut by their length field ({@link org.shiori.rfid.frame.FrameReader}).
 */
public final class SerialTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(SerialTransport.class);

  private static final int OPEN_ATTEMPTS = 5;
  private static final long OPEN_RETRY_MS = 100;

  private final SerialSettings settings;
  private final Duration reopenInterval;
  private volatile SerialPort port;
  private int currentTimeoutMs = -1;
  private long lastOpenAttempt;
  private volatile boolean closed;

  public SerialTransport(SerialSettings settings) throws IOException {
    this(settings, Duration.ofMillis(500));
  }

  /** Opens the port now; fails if it cannot be opened at all. */
  public SerialTransport(SerialSettings settings, Duration reopenInterval) throws IOException {
    this.settings = settings;
    this.reopenInterval = reopenInterval;
    synchronized (this) {
      openWithRetries();
    }
  }

  /** A port closed a moment ago (by this or another process) can refuse one open: retry briefly. */
  private void openWithRetries() throws IOException {
    IOException last = null;
    for (int i = 0; i < OPEN_ATTEMPTS; i++) {
      try {
        open();
        return;
      } catch (IOException e) {
        last = e;
        sleepQuietly(OPEN_RETRY_MS);
      }
    }
    throw last;
  }

  public SerialSettings settings() {
    return settings;
  }

  private void open() throws IOException {
    lastOpenAttempt = System.nanoTime();
    SerialPort p;
    try {
      p = SerialPort.getCommPort(settings.portName());
    } catch (RuntimeException missing) {
      // jSerialComm throws SerialPortInvalidPortException while a USB adapter is unplugged.
      throw new IOException("serial port " + settings.portName() + " not present", missing);
    }
    p.setComPortParameters(
        settings.baud(), settings.dataBits(), stopBits(), parity(settings.parity()));
    p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!p.openPort() && !openWithParityAfterwards(p)) {
      throw new IOException(
          "cannot open serial port "
              + settings.portName()
              + " (error "
              + p.getLastErrorCode()
              + ")");
    }
    port = p;
    currentTimeoutMs = -1;
    LOG.info("serial port {} open at {} baud", settings.portName(), settings.baud());
  }

  /**
   * Some drivers (pseudo terminals among them) refuse to open a line that was last closed with
   * parity enabled, yet accept parity once open: open without parity, then switch it on.
   */
  private boolean openWithParityAfterwards(SerialPort p) {
    if (settings.parity() == SerialSettings.Parity.NONE) {
      return false;
    }
    p.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(), SerialPort.NO_PARITY);
    if (!p.openPort()) {
      return false;
    }
    if (p.setComPortParameters(
        settings.baud(), settings.dataBits(), stopBits(), parity(settings.parity()))) {
      return true;
    }
    p.closePort();
    return false;
  }

  private int stopBits() {
    return settings.stopBits() == SerialSettings.StopBits.TWO
        ? SerialPort.TWO_STOP_BITS
        : SerialPort.ONE_STOP_BIT;
  }

  private static int parity(SerialSettings.Parity p) {
    switch (p) {
      case EVEN:
        return SerialPort.EVEN_PARITY;
      case ODD:
        return SerialPort.ODD_PARITY;
      default:
        return SerialPort.NO_PARITY;
    }
  }

  private SerialPort ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("serial transport closed");
    }
    if (port != null) {
      return port;
    }
    if (System.nanoTime() - lastOpenAttempt < reopenInterval.toNanos()) {
      throw new IOException("serial port " + settings.portName() + " unavailable");
    }
    open();
    return port;
  }

  private IOException lost(String what) {
    LOG.warn("serial port {} lost during {}; will reopen", settings.portName(), what);
    if (port != null) {
      port.closePort();
      port = null;
    }
    return new IOException("serial port " + settings.portName() + " lost during " + what);
  }

  @Override
  public synchronized void write(byte[] data) throws IOException {
    SerialPort p = ensureOpen();
    int n = p.writeBytes(data, data.length);
    if (n != data.length) {
      throw lost("write");
    }
  }

  @Override
  public synchronized int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
    if (closed) {
      return -1;
    }
    SerialPort p;
    try {
      p = ensureOpen();
    } catch (IOException unavailable) {
      sleepQuietly(Math.min(timeout.toMillis(), reopenInterval.toMillis()));
      throw unavailable;
    }
    // Whatever has arrived, at least one byte: the frame reader knows from the header how many
    // more it needs and asks for them. Waiting for a quiet line here cost about 100 ms a reply,
    // because jSerialComm's shortest inter-byte timeout on Linux is one tenth of a second.
    return readOnce(p, buf, off, len, timeout);
  }

  private int readOnce(SerialPort p, byte[] buf, int off, int len, Duration timeout)
      throws IOException {
    int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    if (ms != currentTimeoutMs) {
      p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, ms, 0);
      currentTimeoutMs = ms;
    }
    int n = p.readBytes(buf, len, off);
    if (n < 0) {
      throw lost("read");
    }
    if (n == 0 && !p.isOpen()) {
      throw lost("read");
    }
    return n;
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(Math.max(1, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void drain() throws IOException {
    SerialPort p = ensureOpen();
    int avail = p.bytesAvailable();
    if (avail < 0) {
      throw lost("drain");
    }
    if (avail > 0) {
      byte[] junk = new byte[avail];
      p.readBytes(junk, avail);
    }
  }

  /**
   * Not synchronized: a reader thread may sit in a blocking read holding the lock, and closing the
   * port from here is what makes that read return.
   */
  @Override
  public void close() {
    closed = true;
    SerialPort p = port;
    if (p != null) {
      p.closePort();
    }
  }
}
