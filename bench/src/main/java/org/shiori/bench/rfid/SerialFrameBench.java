package org.shiori.bench.rfid;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.shiori.rfid.frame.FrameReader;
import org.shiori.rfid.reader.feig.FeigFrame;
import org.shiori.rfid.reader.feig.FeigFrameCodec;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.SocatPtyPair;

/**
 * Last byte written → frame decoded, over a socat pty pair through jSerialComm at 38,400 8E1, with
 * a FEIG inventory reply (17 bytes). In the same run and on the same pty, interleaved sample by
 * sample: the baseline, a raw read of the same 17 bytes through the same transport with no framing;
 * and for reference the previous driver's way, reading until the line is quiet for 12 ms.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.shiori.bench.rfid.SerialFrameBench
 * [samples]}.
 */
public final class SerialFrameBench {
  private static final byte[] REPLY = HexFormat.of().parseHex("1100b000010300e004010012345678d835");
  private static final Duration WAIT = Duration.ofSeconds(2);

  /** How the receiving side takes a reply in. */
  private enum Way {
    FRAME_READER,
    RAW_READ,
    QUIET_LINE
  }

  private SerialFrameBench() {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    try (SocatPtyPair ptys = SocatPtyPair.start();
        SerialTransport writer = new SerialTransport(SerialSettings.feig(ptys.first()));
        SerialTransport receiver = new SerialTransport(SerialSettings.feig(ptys.second()))) {
      FrameReader frames = new FrameReader(receiver, FeigFrameCodec.SYNTAX);
      long[] frame = new long[samples];
      long[] raw = new long[samples];
      long[] quiet = new long[Math.max(1, samples / 20)];
      for (int i = 0; i < 200; i++) { // warm-up
        sample(Way.FRAME_READER, writer, receiver, frames);
        sample(Way.RAW_READ, writer, receiver, frames);
      }
      for (int i = 0; i < samples; i++) {
        frame[i] = sample(Way.FRAME_READER, writer, receiver, frames);
        raw[i] = sample(Way.RAW_READ, writer, receiver, frames);
        if (i % 20 == 0) {
          quiet[i / 20] = sample(Way.QUIET_LINE, writer, receiver, frames);
        }
      }
      System.out.println("serial frame read, FEIG 17-byte reply, socat pty, 38400 8E1");
      System.out.println("  frame reader (length field) : " + new Percentiles(frame));
      System.out.println("  baseline raw read, 17 bytes : " + new Percentiles(raw));
      System.out.println("  previous: quiet line 12 ms  : " + new Percentiles(quiet));
    }
  }

  /**
   * The physical floor of a reply's trip over a pty pair, for harnesses that measure more than the
   * read: {@code samples} raw reads of the 17-byte reply from {@code from} to {@code to}.
   */
  public static long[] rawReads(SerialSettings from, SerialSettings to, int samples)
      throws Exception {
    try (SerialTransport writer = new SerialTransport(from);
        SerialTransport receiver = new SerialTransport(to)) {
      FrameReader frames = new FrameReader(receiver, FeigFrameCodec.SYNTAX);
      for (int i = 0; i < 200; i++) { // warm-up
        sample(Way.RAW_READ, writer, receiver, frames);
      }
      long[] raw = new long[samples];
      for (int i = 0; i < samples; i++) {
        raw[i] = sample(Way.RAW_READ, writer, receiver, frames);
      }
      return raw;
    }
  }

  /** One reply: the receiving thread waits, the main thread writes; returns written → decoded. */
  private static long sample(
      Way way, SerialTransport writer, SerialTransport receiver, FrameReader frames)
      throws Exception {
    Receiver.INSTANCE.request(way, receiver, frames);
    Thread.sleep(2); // the receiver is blocked in its read when the bytes come
    writer.write(REPLY);
    long written = System.nanoTime();
    Object r = Receiver.INSTANCE.done.poll(5, TimeUnit.SECONDS);
    if (!(r instanceof Long decoded)) {
      throw new IOException("no reply decoded: " + r);
    }
    return Math.max(0, decoded - written);
  }

  /** One long-lived receiving thread, so a sample measures no thread start. */
  private static final class Receiver {
    static final Receiver INSTANCE = new Receiver();
    final BlockingQueue<Object> done = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<Runnable> work = new ArrayBlockingQueue<>(1);

    private Receiver() {
      Thread t =
          new Thread(
              () -> {
                while (true) {
                  try {
                    work.take().run();
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "bench-receiver");
      t.setDaemon(true);
      t.start();
    }

    void request(Way way, SerialTransport receiver, FrameReader frames) {
      work.add(
          () -> {
            try {
              receive(way, receiver, frames);
              done.add(System.nanoTime());
            } catch (Exception e) {
              done.add(e);
            }
          });
    }
  }

  private static void receive(Way way, SerialTransport receiver, FrameReader frames)
      throws Exception {
    switch (way) {
      case FRAME_READER -> {
        FeigFrame f = FeigFrameCodec.decodeReply(frames.next(WAIT));
        if (f.command() != 0xB0) {
          throw new IOException("unexpected frame " + f);
        }
      }
      case RAW_READ -> {
        byte[] buf = new byte[REPLY.length];
        int got = 0;
        while (got < buf.length) {
          got += receiver.read(buf, got, buf.length - got, WAIT);
        }
      }
      default -> {
        byte[] buf = new byte[64];
        int got = receiver.read(buf, 0, buf.length, WAIT);
        int more;
        while ((more = receiver.read(buf, got, buf.length - got, Duration.ofMillis(12))) > 0) {
          got += more;
        }
        FeigFrameCodec.decodeReply(java.util.Arrays.copyOf(buf, got));
      }
    }
  }
}
