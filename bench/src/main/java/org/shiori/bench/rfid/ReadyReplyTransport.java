package org.shiori.bench.rfid;

import java.time.Duration;
import org.shiori.rfid.transport.Transport;

/**
 * A transport whose reply has fully arrived by the time the driver reads: what the driver does from
 * then on is the latency from the last received byte to the decoded tag event.
 */
final class ReadyReplyTransport implements Transport {
  private final byte[] reply;
  private int pos;

  ReadyReplyTransport(byte[] reply) {
    this.reply = reply.clone();
    this.pos = reply.length;
  }

  @Override
  public void write(byte[] data) {
    pos = 0;
  }

  @Override
  public int read(byte[] buf, int off, int len, Duration timeout) {
    if (pos >= reply.length) {
      return 0;
    }
    int n = Math.min(len, reply.length - pos);
    System.arraycopy(reply, pos, buf, off, n);
    pos += n;
    return n;
  }

  @Override
  public void drain() {
    // Nothing stale in a fresh exchange.
  }

  @Override
  public void close() {
    pos = reply.length;
  }
}
