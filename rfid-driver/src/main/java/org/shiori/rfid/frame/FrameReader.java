package org.shiori.rfid.frame;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.shiori.rfid.reader.ReaderTimeoutException;
import org.shiori.rfid.transport.Transport;

/**
 * Cuts frames out of a byte stream by the length field of their header: once the header is in, it
 * reads exactly the bytes the frame still lacks and returns the frame the moment its last byte has
 * arrived. Garbage is skipped one byte at a time until a candidate with a valid checksum appears;
 * only while resynchronising does a quiet line ({@code idleGap}) count, to give up a candidate that
 * a garbage byte made look long. Joins split reads and keeps the surplus of coalesced reads for the
 * next frame. Not thread-safe: one reader per transport.
 */
public final class FrameReader {
  private static final int MAX_BUFFER = 1 << 17;
  private static final Duration DEFAULT_IDLE_GAP = Duration.ofMillis(30);

  private final Transport transport;
  private final FrameSyntax syntax;
  private byte[] buf = new byte[512];
  private int start;
  private int end;
  private long skippedBytes;
  private final Duration idleGap;

  public FrameReader(Transport transport, FrameSyntax syntax) {
    this(transport, syntax, DEFAULT_IDLE_GAP);
  }

  /**
   * @param idleGap silence after which a pending incomplete candidate (a garbage byte that looks
   *     like a long frame header) is given up and the buffer is searched for a frame further on
   */
  public FrameReader(Transport transport, FrameSyntax syntax, Duration idleGap) {
    this.transport = transport;
    this.syntax = syntax;
    this.idleGap = idleGap;
  }

  /**
   * Returns the next valid frame, waiting at most {@code timeout} in total.
   *
   * @throws ReaderTimeoutException when no complete valid frame arrived in time
   * @throws IOException when the transport failed or was closed
   */
  public byte[] next(Duration timeout) throws IOException, ReaderTimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      byte[] frame = extract();
      if (frame != null) {
        return frame;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new ReaderTimeoutException(
            "no complete frame within "
                + timeout.toMillis()
                + " ms ("
                + (end - start)
                + " bytes pending)");
      }
      Duration wait = Duration.ofNanos(Math.min(left, idleGap.toNanos()));
      if (fill(wait, stillNeeded()) == 0 && end > start) {
        frame = searchBeyondPending();
        if (frame != null) {
          return frame;
        }
      }
    }
  }

  /** Forgets buffered bytes and whatever the transport still holds. */
  public void reset() throws IOException {
    start = 0;
    end = 0;
    transport.drain();
  }

  /** Bytes thrown away while resynchronising, for diagnostics. */
  public long skippedBytes() {
    return skippedBytes;
  }

  private byte[] extract() {
    while (end > start) {
      int len = syntax.frameLength(buf, start, end - start);
      if (len == FrameSyntax.NEED_MORE) {
        return null;
      }
      if (len > 0 && end - start < len) {
        return null;
      }
      if (len > 0 && syntax.checksumValid(buf, start, len)) {
        byte[] frame = Arrays.copyOfRange(buf, start, start + len);
        start += len;
        return frame;
      }
      start++;
      skippedBytes++;
    }
    return null;
  }

  /** After an idle gap: the head candidate is incomplete, so look for a whole frame further on. */
  private byte[] searchBeyondPending() {
    for (int i = start + 1; i < end; i++) {
      int len = syntax.frameLength(buf, i, end - i);
      if (len > 0 && end - i >= len && syntax.checksumValid(buf, i, len)) {
        skippedBytes += i - start;
        byte[] frame = Arrays.copyOfRange(buf, i, i + len);
        start = i + len;
        return frame;
      }
    }
    return null;
  }

  /**
   * Bytes the head candidate still lacks by its length field (at least one), so a read asks for
   * exactly the rest of the frame and returns the moment it is there.
   */
  private int stillNeeded() {
    if (end == start) {
      return Integer.MAX_VALUE;
    }
    int len = syntax.frameLength(buf, start, end - start);
    return len > end - start ? len - (end - start) : 1;
  }

  private int fill(Duration timeout, int wanted) throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) {
      if (buf.length >= MAX_BUFFER) {
        // A stream that never forms a frame: keep the newest half to stay bounded.
        int keep = buf.length / 2;
        System.arraycopy(buf, end - keep, buf, 0, keep);
        skippedBytes += end - keep;
        end = keep;
      } else {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    int n = transport.read(buf, end, Math.min(wanted, buf.length - end), timeout);
    if (n < 0) {
      throw new IOException("transport closed");
    }
    end += n;
    return n;
  }
}
