package org.shiori.bench.rfid;

import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.codec.TagContent;
import org.shiori.rfid.crc.Crc16;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.feig.FeigFrame;
import org.shiori.rfid.reader.feig.FeigFrameCodec;
import org.shiori.rfid.reader.threem.ThreeMFrame;
import org.shiori.rfid.reader.threem.ThreeMFrameCodec;

/**
 * Decode throughput of the frame codecs and the library data model, against a baseline that only
 * computes the frame's CRC (the least any decoder must do).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeThroughputBenchmark {
  private static final HexFormat HEX = HexFormat.of();
  private final byte[] feigInventory = HEX.parseHex("1100b000010300e004010012345678d835");
  private final byte[] threemInventory = HEX.parseHex("d6000ffe00000501e00401003123aa26941a");
  private final byte[] iso28560 =
      HEX.parseHex("11010131323334353637383930000000000000610c444b373631353030000000");
  private final byte[] iso28560Reversed = reverseBlocks(iso28560);
  private final byte[] rfid501 =
      HEX.parseHex("04110001313330323030303132330000000000000000100bb900000000");

  private static byte[] reverseBlocks(byte[] m) {
    byte[] c = m.clone();
    for (int b = 0; b + 4 <= m.length; b += 4) {
      for (int i = 0; i < 4; i++) {
        c[b + i] = m[b + 3 - i];
      }
    }
    return c;
  }

  @Benchmark
  public int baselineFeigCrcOnly() {
    return Crc16.FEIG.compute(feigInventory, 0, feigInventory.length - 2);
  }

  @Benchmark
  public FeigFrame feigInventoryReply() throws ProtocolException {
    return FeigFrameCodec.decodeReply(feigInventory);
  }

  @Benchmark
  public int baselineThreeMCrcOnly() {
    return Crc16.THREEM.compute(threemInventory, 1, threemInventory.length - 3);
  }

  @Benchmark
  public ThreeMFrame threeMInventoryReply() throws ProtocolException {
    return ThreeMFrameCodec.decodeReply(threemInventory);
  }

  @Benchmark
  public int baselineIso28560CrcOnly() {
    return Crc16.ISO28560.compute(iso28560);
  }

  @Benchmark
  public TagContent iso28560Part3() {
    return LibraryTagCodec.decode(iso28560);
  }

  @Benchmark
  public TagContent iso28560Part3BlockReversed() {
    return LibraryTagCodec.decode(iso28560Reversed);
  }

  @Benchmark
  public TagContent rfid501() {
    return LibraryTagCodec.decode(rfid501);
  }
}
