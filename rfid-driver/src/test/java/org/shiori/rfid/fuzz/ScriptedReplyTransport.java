package org.shiori.rfid.fuzz;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.shiori.rfid.transport.Transport;

/**
 * A single-threaded transport for fuzzing drivers: every written request is answered with the bytes
 * a generator makes for it; once they are read the link reports closed, so a driver waiting for
 * more fails at once instead of timing out.
 */
final class ScriptedReplyTransport implements Transport {
  private final UnaryOperator<byte[]> replies;
  private byte[] pending = new byte[0];
  private int pos;

  ScriptedReplyTransport(UnaryOperator<byte[]> replies) {
    this.replies = replies;
  }

  @Override
  public void write(byte[] data) {
    pending = replies.apply(data);
    pos = 0;
  }

  @Override
  public int read(byte[] buf, int off, int len, Duration timeout) {
    if (pos >= pending.length) {
      return -1;
    }
    int n = Math.min(len, pending.length - pos);
    System.arraycopy(pending, pos, buf, off, n);
    pos += n;
    return n;
  }

  @Override
  public void drain() {
    pos = pending.length;
  }

  @Override
  public void close() {
    pending = new byte[0];
  }
}
