package org.shiori.kiosk.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.MemoryPipe;
import org.shiori.testkit.Conditions;

/**
 * The pad's inventory cycle on the real FEIG driver and emulator: it pauses as the kiosk's state
 * asks (shorter in a checkout session), a command queued for the reader runs right after the round
 * in progress however short the pause, and closing the scanner ends the rounds.
 */
class PadScannerCycleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final TagField field = new TagField();
  private final AtomicBoolean sessionOpen = new AtomicBoolean();
  private final List<List<ItemTag>> reported = new CopyOnWriteArrayList<>();
  private MemoryPipe.Pair line;
  private FeigReaderEmulator emulator;
  private FeigReader reader;
  private ScheduledExecutorService io;
  private PadScanner scanner;

  @BeforeEach
  void open() {
    line = MemoryPipe.pair();
    emulator = new FeigReaderEmulator(line.device(), field, 0xFF).start();
    reader = new FeigReader(line.host(), 0xFF, Duration.ofMillis(1500));
    io = PadScanner.readerThread();
  }

  @AfterEach
  void close() {
    if (scanner != null) {
      scanner.close();
    }
    io.shutdownNow();
    reader.close();
    emulator.close();
  }

  private void start(PadScanner.Cycle cycle) {
    scanner =
        new PadScanner(
            reader,
            reported::add,
            cycle,
            sessionOpen::get,
            io,
            Optional.<PadScanner.PatronCards>empty());
    scanner.start();
  }

  /** Reader requests served while {@code sessionOpen} holds, over {@code window}. */
  private long roundsOver(Duration window) throws InterruptedException {
    long before = emulator.requestsServed();
    Thread.sleep(window.toMillis());
    return emulator.requestsServed() - before;
  }

  @Test
  void theCycleIsShorterWhileACheckoutSessionIsOpen() throws Exception {
    start(new PadScanner.Cycle(Duration.ofMillis(250), Duration.ZERO));
    Conditions.await(WAIT, () -> emulator.requestsServed() > 0, () -> "no round at all");

    long idle = roundsOver(Duration.ofMillis(1000));
    sessionOpen.set(true);
    Thread.sleep(300); // the idle pause in progress ends first
    long inSession = roundsOver(Duration.ofMillis(1000));

    assertThat(idle).as("about 4 rounds at 250 ms pauses").isBetween(1L, 6L);
    assertThat(inSession).as("rounds back to back").isGreaterThan(idle * 5);
  }

  @Test
  void aCommandQueuedForTheReaderRunsAfterTheRoundInProgressEvenWithoutPauses() throws Exception {
    sessionOpen.set(true);
    start(new PadScanner.Cycle(Duration.ZERO, Duration.ZERO));
    Conditions.await(WAIT, () -> emulator.requestsServed() > 10, () -> "rounds not running");

    for (int i = 0; i < 20; i++) {
      long queuedAt = emulator.requestsServed();
      CompletableFuture<Long> ranAt =
          CompletableFuture.supplyAsync(emulator::requestsServed, io::execute);
      long roundsBetween = ranAt.get(5, TimeUnit.SECONDS) - queuedAt;
      // At most the round in progress and one more: the count is read just before the command is
      // queued, and a round can end and the next begin in between.
      assertThat(roundsBetween).as("rounds before the queued command ran").isLessThanOrEqualTo(2);
    }
  }

  @Test
  void aTagIsReportedAndClosingEndsTheRounds() throws Exception {
    start(new PadScanner.Cycle(Duration.ofMillis(50), Duration.ofMillis(20)));
    VirtualTag tag =
        VirtualTag.slix(
            TagUid.fromHex("E0040100005A0001"),
            LibraryTagCodec.encodeIso28560_3("120100000001", 1, 1, "JP", "JP-1001234"));
    field.put(tag);
    Conditions.await(
        WAIT,
        () -> !reported.isEmpty() && reported.get(reported.size() - 1).size() == 1,
        () -> "reported " + reported);
    assertThat(reported.get(reported.size() - 1).get(0).itemId()).isEqualTo("120100000001");

    scanner.close();
    long afterClose = emulator.requestsServed();
    Thread.sleep(200);
    assertThat(emulator.requestsServed()).isLessThanOrEqualTo(afterClose + 1);
  }
}
