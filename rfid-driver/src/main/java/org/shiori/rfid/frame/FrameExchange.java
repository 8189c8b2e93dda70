package org.shiori.rfid.frame;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.ReaderTimeoutException;
import org.shiori.rfid.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request, one reply: drops stale input, sends the request, then reads frames until one answers
 * it (frames that do not, such as late replies to an earlier request, are skipped) or the timeout
 * expires.
 *
 * @param <F> the decoded frame type of the protocol
 */
public final class FrameExchange<F> {
  private static final Logger LOG = LoggerFactory.getLogger(FrameExchange.class);

  /** Decodes one complete frame. */
  public interface Decoder<F> {
    F decode(byte[] frame) throws ProtocolException;
  }

  private final Transport transport;
  private final FrameReader frames;
  private final Decoder<F> decoder;
  private final Duration timeout;
  private final String peer;
  private final Duration quietBeforeRequest;
  private long lastReplyNanos;

  public FrameExchange(
      Transport transport, FrameSyntax syntax, Decoder<F> decoder, Duration timeout, String peer) {
    this(transport, syntax, decoder, timeout, peer, Duration.ZERO);
  }

  /**
   * @param quietBeforeRequest idle time the reader needs after its last reply before it accepts a
   *     new request (FEIG: "protocol start synchronization time", 5 ms by default)
   */
  public FrameExchange(
      Transport transport,
      FrameSyntax syntax,
      Decoder<F> decoder,
      Duration timeout,
      String peer,
      Duration quietBeforeRequest) {
    this.transport = transport;
    this.frames = new FrameReader(transport, syntax);
    this.decoder = decoder;
    this.timeout = timeout;
    this.peer = peer;
    this.quietBeforeRequest = quietBeforeRequest;
  }

  private void keepQuietGap() {
    long wait = lastReplyNanos + quietBeforeRequest.toNanos() - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  public synchronized F exchange(byte[] request, Predicate<F> answers, String what)
      throws ReaderException {
    try {
      keepQuietGap();
      frames.reset();
      transport.write(request);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new ReaderTimeoutException(peer + " did not answer " + what);
        }
        F reply = decoder.decode(frames.next(Duration.ofNanos(left)));
        if (answers.test(reply)) {
          lastReplyNanos = System.nanoTime();
          return reply;
        }
        LOG.debug("{}: ignoring unrelated frame {}", peer, reply);
      }
    } catch (IOException e) {
      throw new ReaderTimeoutException(peer + " link failed: " + e.getMessage(), -1, e);
    }
  }

  public void close() {
    transport.close();
  }
}
