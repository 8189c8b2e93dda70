package org.shiori.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.reader.cr95hf.Cr95hfReader;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.MemoryPipe;

/**
 * The 3M and CR95HF emulators pace their air time by the same ISO 15693 model as the FEIG emulator:
 * a command that puts the same request on air costs the same. The line is made so fast (1 ns a bit)
 * that only the air time is left in the modelled time.
 */
class EmulatorAirTimeTest {
  private static final Duration LINE_SLACK =
      Duration.ofMillis(1); // the pacing waits on a real clock
  private static final TagUid A = new TagUid(0xE004010000000001L);
  private static final TagUid B = new TagUid(0xE004010000000002L);
  private final Iso15693AirTime air = Iso15693AirTime.withStandardWriteBound();
  private final RealTimePacing airOnly = new RealTimePacing(1_000_000_000, 10, air);
  private final MemoryPipe.Pair pipe = MemoryPipe.pair();
  private final TagField field = new TagField();
  private ReaderEmulator emulator;

  @AfterEach
  void close() {
    if (emulator != null) {
      emulator.close();
    }
    pipe.close();
  }

  private long modelledNanos(ThrowingRun exchange) throws Exception {
    emulator.resetModelledTime();
    exchange.run();
    return emulator.modelledTime().toNanos();
  }

  @Test
  void threeMInventoryReadAndAfiWriteCostWhatTheFeigModelSays() throws Exception {
    field.put(VirtualTag.slix(A));
    field.put(VirtualTag.slix(B));
    emulator = new ThreeMReaderEmulator(pipe.device(), field).start();
    emulator.setPacing(airOnly);
    ThreeMReader reader = new ThreeMReader(pipe.host(), Duration.ofSeconds(5));

    assertThat(modelledNanos(() -> reader.inventory(OptionalInt.empty())))
        .isCloseTo(air.inventory(List.of(A, B), false).toNanos(), within());
    assertThat(modelledNanos(() -> reader.readBlocks(A, 0, 9)))
        .isCloseTo(air.readBlocks(9, 4).toNanos(), within());
    assertThat(modelledNanos(() -> reader.writeAfi(A, 0x07)))
        .isCloseTo(air.writeWithoutData(1).toNanos(), within());
  }

  @Test
  void threeMCommandsToAnAbsentTagCostATimeoutNotAReply() throws Exception {
    emulator = new ThreeMReaderEmulator(pipe.device(), field).start();
    emulator.setPacing(airOnly);
    ThreeMReader reader = new ThreeMReader(pipe.host(), Duration.ofSeconds(5));
    long absent = modelledNanos(() -> swallow(() -> reader.readBlocks(A, 0, 9)));
    assertThat(absent).isPositive().isLessThan(air.readBlocks(9, 4).toNanos() / 2);
  }

  @Test
  void cr95hfPaysOneAirFrameARequestWhileTheHostRunsTheAnticollision() throws Exception {
    emulator = new Cr95hfEmulator(pipe.device(), field).start();
    emulator.setPacing(airOnly);
    Cr95hfReader reader = new Cr95hfReader(pipe.host(), Duration.ofSeconds(5));

    long empty = modelledNanos(() -> reader.inventory(OptionalInt.empty()));
    // one one-slot request (flags, command, mask length, CRC: 5 bytes) and an empty slot (t3)
    assertThat(empty).isCloseTo(Iso15693AirTime.request(5) + Iso15693AirTime.T3_NANOS, within());

    field.put(VirtualTag.slix(A));
    long one = modelledNanos(() -> reader.inventory(OptionalInt.empty()));
    assertThat(one).isCloseTo(Iso15693AirTime.exchange(5, 12), within());

    field.put(VirtualTag.slix(B)); // A and B collide: the host asks again, slot by slot
    long two = modelledNanos(() -> reader.inventory(OptionalInt.empty()));
    assertThat(two).isGreaterThan(2 * one + empty);

    assertThat(modelledNanos(() -> reader.readBlocks(A, 0, 9)))
        .isCloseTo(air.readBlocks(9, 4).toNanos(), within());
  }

  private static org.assertj.core.data.Offset<Long> within() {
    return org.assertj.core.data.Offset.offset(LINE_SLACK.toNanos());
  }

  private static void swallow(ThrowingRun run) {
    try {
      run.run();
    } catch (Exception expected) {
      // the tag is not there: the driver reports it; only the time matters here
    }
  }

  @FunctionalInterface
  interface ThrowingRun {
    void run() throws Exception;
  }
}
