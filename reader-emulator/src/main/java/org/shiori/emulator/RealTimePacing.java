package org.shiori.emulator;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.shiori.rfid.transport.SerialSettings;

/**
 * Makes an emulator answer no sooner than a real reader could: the request's and the reply's bytes
 * take their time on the serial line at the configured baud rate (start bit, data bits, parity,
 * stop bits), and the reader's exchange with the tags takes its ISO 15693 air time. Over a pty the
 * bytes themselves arrive at once, so the emulator waits out the difference before it writes the
 * reply; the last reply byte then arrives when it would on a real line.
 */
public final class RealTimePacing {
  private final long byteNanos;
  private final Iso15693AirTime air;
  private final int baud;

  public RealTimePacing(int baud, int bitsPerByte, Iso15693AirTime air) {
    if (baud <= 0 || bitsPerByte < 7 || bitsPerByte > 12) {
      throw new IllegalArgumentException("baud " + baud + " or bits per byte " + bitsPerByte);
    }
    this.baud = baud;
    this.byteNanos = Math.round(bitsPerByte * 1e9 / baud);
    this.air = air;
  }

  /** Paces as a reader on a line with {@code settings}, writes bounded by the standard's 20 ms. */
  public static RealTimePacing of(SerialSettings settings) {
    return of(settings, Iso15693AirTime.withStandardWriteBound());
  }

  public static RealTimePacing of(SerialSettings settings, Iso15693AirTime air) {
    int bits =
        1
            + settings.dataBits()
            + (settings.parity() == SerialSettings.Parity.NONE ? 0 : 1)
            + (settings.stopBits() == SerialSettings.StopBits.TWO ? 2 : 1);
    return new RealTimePacing(settings.baud(), bits, air);
  }

  public int baud() {
    return baud;
  }

  public Iso15693AirTime air() {
    return air;
  }

  /** Time {@code bytes} take on the serial line. */
  public Duration lineTime(int bytes) {
    return Duration.ofNanos(bytes * byteNanos);
  }

  /** The earliest moment (System.nanoTime) a reply can be complete on a real line. */
  long replyDue(long requestReceivedNanos, int requestBytes, int replyBytes, Duration airTime) {
    return requestReceivedNanos
        + (long) (requestBytes + replyBytes) * byteNanos
        + airTime.toNanos();
  }

  /** Waits until {@code dueNanos}; parks, then spins the last stretch for sub-100 µs accuracy. */
  static void waitUntil(long dueNanos) {
    long left;
    while ((left = dueNanos - System.nanoTime()) > 200_000) {
      LockSupport.parkNanos(left - 150_000);
    }
    while (dueNanos - System.nanoTime() > 0) {
      Thread.onSpinWait();
    }
  }
}
