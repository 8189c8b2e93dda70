package org.shiori.bench.rfid;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.MemoryPipe;

/**
 * Latency from the last byte of an inventory reply to the decoded tag list. "Ready" variants hand
 * the driver a reply that has fully arrived (pure driver cost). The pipe variants add an emulator
 * thread and the cross-thread wake-up, compared with a raw echo over the same pipe as baseline. The
 * FEIG 5 ms quiet time before each request is switched off: it lies before the request, not between
 * the last reply byte and the decoded event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InventoryLatencyBenchmark {
  private static final HexFormat HEX = HexFormat.of();
  private FeigReader feigReady;
  private ThreeMReader threeMReady;
  private MemoryPipe.Pair pipe;
  private FeigReaderEmulator emulator;
  private FeigReader feigPiped;
  private MemoryPipe.Pair echoPipe;
  private Thread echo;
  private final byte[] echoBuf = new byte[64];
  private final byte[] echoRequest = HEX.parseHex("07ffb001001c56");

  @Setup(Level.Trial)
  public void setUp() {
    feigReady =
        new FeigReader(
            new ReadyReplyTransport(HEX.parseHex("1100b000010300e004010012345678d835")),
            0xFF,
            Duration.ofSeconds(1),
            Duration.ZERO);
    threeMReady =
        new ThreeMReader(
            new ReadyReplyTransport(HEX.parseHex("d6000ffe00000501e00401003123aa26941a")),
            Duration.ofSeconds(1));
    pipe = MemoryPipe.pair();
    TagField field = new TagField();
    field.put(VirtualTag.slix(TagUid.fromHex("E004010012345678")));
    emulator = new FeigReaderEmulator(pipe.device(), field, 0).start();
    feigPiped = new FeigReader(pipe.host(), 0xFF, Duration.ofSeconds(1), Duration.ZERO);
    echoPipe = MemoryPipe.pair();
    echo = new Thread(this::echoLoop, "echo");
    echo.setDaemon(true);
    echo.start();
  }

  private void echoLoop() {
    byte[] buf = new byte[64];
    byte[] reply = HEX.parseHex("1100b000010300e004010012345678d835");
    try {
      while (true) {
        int n = echoPipe.device().read(buf, 0, buf.length, Duration.ofSeconds(1));
        if (n < 0) {
          return;
        }
        if (n > 0) {
          echoPipe.device().write(reply);
        }
      }
    } catch (java.io.IOException e) {
      // pipe closed at tear-down
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    emulator.close();
    echoPipe.close();
  }

  @Benchmark
  public List<InventoryEntry> feigReplyReady() throws ReaderException {
    return feigReady.inventory(OptionalInt.empty());
  }

  @Benchmark
  public List<InventoryEntry> threeMReplyReady() throws ReaderException {
    return threeMReady.inventory(OptionalInt.empty());
  }

  @Benchmark
  public List<InventoryEntry> feigThroughEmulatorOverPipe() throws ReaderException {
    return feigPiped.inventory(OptionalInt.empty());
  }

  @Benchmark
  public int baselineRawEchoOverPipe() throws java.io.IOException {
    echoPipe.host().write(echoRequest);
    int got = 0;
    while (got < 17) {
      got += echoPipe.host().read(echoBuf, got, echoBuf.length - got, Duration.ofSeconds(1));
    }
    return got;
  }
}
