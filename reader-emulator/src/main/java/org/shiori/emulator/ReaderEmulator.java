package org.shiori.emulator;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.shiori.rfid.frame.FrameReader;
import org.shiori.rfid.frame.FrameSyntax;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.ReaderTimeoutException;
import org.shiori.rfid.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a reader's host protocol over a transport on its own thread: cuts request frames, lets the
 * subclass answer, applies the configured faults to the reply.
 */
public abstract class ReaderEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReaderEmulator.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final byte[] GARBAGE = {(byte) 0x00, (byte) 0xD6, (byte) 0x7F, (byte) 0x02};

  private final Transport transport;
  private final TagField field;
  private final FaultInjection faults = new FaultInjection();
  private final FrameReader frames;
  private final Thread thread;
  private volatile boolean running;
  private final AtomicLong requestsServed = new AtomicLong();
  private volatile RealTimePacing pacing;
  private volatile long lastReplySentNanos;
  private final AtomicLong modelledNanos = new AtomicLong();
  private final AtomicLong pacedExchanges = new AtomicLong();

  protected ReaderEmulator(Transport transport, TagField field, FrameSyntax syntax, String name) {
    this.transport = transport;
    this.field = field;
    this.frames = new FrameReader(transport, syntax);
    this.thread = new Thread(this::serve, name);
    this.thread.setDaemon(true);
  }

  public TagField field() {
    return field;
  }

  public FaultInjection faults() {
    return faults;
  }

  /**
   * Answers no sooner than a real reader on this line would (byte time and ISO 15693 air time);
   * null answers at once.
   */
  public void setPacing(RealTimePacing pacing) {
    this.pacing = pacing;
  }

  /** The pacing in force, or null. */
  public RealTimePacing pacing() {
    return pacing;
  }

  /**
   * The air time the reader spends with the tags on {@code request}, judged from the field before
   * the request is carried out; zero for commands that stay inside the reader.
   */
  protected Duration airTime(byte[] request, Iso15693AirTime air) throws ReaderException {
    return Duration.ZERO;
  }

  /** When ({@link System#nanoTime}) the last byte of the latest reply was handed to the line. */
  public long lastReplySentNanos() {
    return lastReplySentNanos;
  }

  /**
   * The time the paced exchanges so far take on a real line and air by the timing model (request
   * and reply bytes at the baud rate plus air time): the physical floor of the command sequence,
   * without the host's own gaps between commands.
   */
  public java.time.Duration modelledTime() {
    return java.time.Duration.ofNanos(modelledNanos.get());
  }

  /** Exchanges paced so far (each one a request the reader answered). */
  public long pacedExchanges() {
    return pacedExchanges.get();
  }

  /** Starts {@link #modelledTime} and {@link #pacedExchanges} again from zero. */
  public void resetModelledTime() {
    modelledNanos.set(0);
    pacedExchanges.set(0);
  }

  /** Number of requests answered or deliberately ignored so far. */
  public long requestsServed() {
    return requestsServed.get();
  }

  public synchronized ReaderEmulator start() {
    if (!running) {
      running = true;
      thread.start();
    }
    return this;
  }

  /** The reply frame for a request, or null when the reader stays silent. */
  protected abstract byte[] answer(byte[] request) throws ReaderException;

  /** The "no transponder" reply this reader gives to {@code request}, or null. */
  protected abstract byte[] noTagReply(byte[] request) throws ReaderException;

  private void serve() {
    while (running) {
      byte[] request;
      try {
        request = frames.next(POLL);
      } catch (ReaderTimeoutException idle) {
        continue;
      } catch (IOException closed) {
        LOG.debug("emulator transport closed: {}", closed.getMessage());
        return;
      }
      try {
        long received = System.nanoTime();
        RealTimePacing paced = pacing;
        Duration air = paced == null ? Duration.ZERO : airTime(request, paced.air());
        FaultInjection.Fault fault = faults.take();
        byte[] reply = fault == FaultInjection.Fault.NO_TAG ? noTagReply(request) : answer(request);
        requestsServed.incrementAndGet();
        if (reply != null) {
          if (paced != null) {
            long due = paced.replyDue(received, request.length, reply.length, air);
            modelledNanos.addAndGet(due - received);
            pacedExchanges.incrementAndGet();
            RealTimePacing.waitUntil(due);
          }
          send(reply, fault);
          lastReplySentNanos = System.nanoTime();
        }
      } catch (ReaderException malformed) {
        // A real reader ignores frames it cannot parse; so do we.
        LOG.debug("emulator ignores request: {}", malformed.getMessage());
      } catch (IOException e) {
        LOG.debug("emulator could not reply: {}", e.getMessage());
        if (!running) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void send(byte[] reply, FaultInjection.Fault fault)
      throws IOException, InterruptedException {
    switch (fault) {
      case SILENT:
        return;
      case DROP_BYTE:
        byte[] shorter = new byte[reply.length - 1];
        int cut = reply.length / 2;
        System.arraycopy(reply, 0, shorter, 0, cut);
        System.arraycopy(reply, cut + 1, shorter, cut, reply.length - cut - 1);
        transport.write(shorter);
        return;
      case CORRUPT_CRC:
        byte[] bad = reply.clone();
        bad[bad.length - 1] ^= (byte) 0xFF;
        transport.write(bad);
        return;
      case DELAY:
        Thread.sleep(faults.delay().toMillis());
        transport.write(reply);
        return;
      case GARBAGE_BEFORE:
        byte[] g = Arrays.copyOf(GARBAGE, GARBAGE.length + reply.length);
        System.arraycopy(reply, 0, g, GARBAGE.length, reply.length);
        transport.write(g);
        return;
      case SPLIT:
        for (byte b : reply) {
          transport.write(new byte[] {b});
        }
        return;
      default:
        transport.write(reply);
    }
  }

  @Override
  public void close() {
    running = false;
    transport.close();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
