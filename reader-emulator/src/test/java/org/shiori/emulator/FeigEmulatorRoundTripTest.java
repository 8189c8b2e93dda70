package org.shiori.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.ReaderTimeoutException;
import org.shiori.rfid.reader.TagLockedException;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.MemoryPipe;

class FeigEmulatorRoundTripTest {
  private static final TagUid A = TagUid.fromHex("E004010012345678");
  private static final TagUid B = TagUid.fromHex("E004010087654321");
  private final MemoryPipe.Pair pipe = MemoryPipe.pair();
  private final TagField field = new TagField();
  private final FeigReaderEmulator emulator =
      new FeigReaderEmulator(pipe.device(), field, 0x00).start();
  private final FeigReader reader = new FeigReader(pipe.host(), 0xFF, Duration.ofSeconds(2));

  @AfterEach
  void close() {
    emulator.close();
    reader.close();
  }

  @Test
  void inventoryListsEveryTag() throws Exception {
    field.put(VirtualTag.slix(A));
    field.put(VirtualTag.slix(B));
    assertThat(reader.inventory(OptionalInt.empty()))
        .extracting(InventoryEntry::uid)
        .containsExactlyInAnyOrder(A, B);
  }

  @Test
  void inventoryFollowsMoreDataStatus() throws Exception {
    emulator.setMaxDataSetsPerReply(2);
    for (int i = 0; i < 7; i++) {
      field.put(VirtualTag.slix(new TagUid(0xE004010000000000L + i)));
    }
    List<InventoryEntry> tags = reader.inventory(OptionalInt.empty());
    assertThat(tags).hasSize(7).doesNotHaveDuplicates();
  }

  @Test
  void largeInventoryArrivesAsAdvancedFrame() throws Exception {
    emulator.setMaxDataSetsPerReply(40);
    for (int i = 0; i < 30; i++) {
      field.put(VirtualTag.slix(new TagUid(0xE004010000000000L + i)));
    }
    // 30 data sets = 301 data bytes: more than a standard frame holds.
    assertThat(reader.inventory(OptionalInt.empty())).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void inventoryFiltersByAfi() throws Exception {
    VirtualTag secured = VirtualTag.slix(A);
    secured.setAfi(0x07);
    VirtualTag onLoan = VirtualTag.slix(B);
    onLoan.setAfi(0xC2);
    field.put(secured);
    field.put(onLoan);
    assertThat(reader.inventory(OptionalInt.of(0x07)))
        .extracting(InventoryEntry::uid)
        .containsExactly(A);
  }

  @Test
  void writesAndReadsUserMemory() throws Exception {
    field.put(VirtualTag.slix(A));
    byte[] block = LibraryTagCodec.encodeIso28560_3("1234567890", 1, 1, "JP", "JP-1");
    reader.writeBlocks(A, 0, block);
    assertThat(reader.readBlocks(A, 0, 8)).isEqualTo(block);
    assertThat(field.find(A).orElseThrow().read(0, 8)).isEqualTo(block);
  }

  @Test
  void readsWholeSlixInOneGo() throws Exception {
    VirtualTag t = new VirtualTag(A, 4, 64);
    field.put(t);
    byte[] mem = new byte[256];
    for (int i = 0; i < mem.length; i++) {
      mem[i] = (byte) i;
    }
    reader.writeBlocks(A, 0, mem);
    assertThat(reader.readBlocks(A, 0, 64)).isEqualTo(mem);
  }

  @Test
  void afiAndEas() throws Exception {
    field.put(VirtualTag.slix(A));
    reader.writeAfi(A, 0xC2);
    assertThat(reader.readAfi(A)).isEqualTo(0xC2);
    assertThat(reader.easAlarm(A)).isFalse();
    reader.setEas(A, true);
    assertThat(reader.easAlarm(A)).isTrue();
    reader.setEas(A, false);
    assertThat(reader.easAlarm(A)).isFalse();
  }

  @Test
  void lockedBlockIsTyped() {
    VirtualTag t = VirtualTag.slix(A);
    t.lockBlock(1);
    field.put(t);
    assertThatThrownBy(() -> reader.writeBlocks(A, 0, new byte[8]))
        .isInstanceOf(TagLockedException.class);
  }

  @Test
  void lockedAfiIsTyped() throws Exception {
    field.put(VirtualTag.slix(A));
    reader.lockAfi(A);
    assertThatThrownBy(() -> reader.writeAfi(A, 0x07)).isInstanceOf(TagLockedException.class);
  }

  @Test
  void absentTagIsNoTag() {
    assertThatThrownBy(() -> reader.readBlocks(A, 0, 1)).isInstanceOf(NoTagException.class);
  }

  @Test
  void infoAndRfResetAndConfiguration() throws Exception {
    assertThat(reader.info().vendor()).isEqualTo("FEIG");
    reader.rfReset();
    assertThat(reader.readConfiguration(3)).hasSize(14);
  }

  @Test
  void survivesGarbageAndSplitReplies() throws Exception {
    field.put(VirtualTag.slix(A));
    emulator.faults().always(FaultInjection.Fault.GARBAGE_BEFORE);
    assertThat(reader.inventory(OptionalInt.empty())).hasSize(1);
    emulator.faults().always(FaultInjection.Fault.SPLIT);
    assertThat(reader.inventory(OptionalInt.empty())).hasSize(1);
  }

  @Test
  void delayedReplyWithinTimeoutIsAcceptedBeyondItIsTimeout() throws Exception {
    field.put(VirtualTag.slix(A));
    emulator.faults().setDelay(Duration.ofMillis(100));
    emulator.faults().next(FaultInjection.Fault.DELAY, 1);
    assertThat(reader.inventory(OptionalInt.empty())).hasSize(1);
    FeigReader impatient = new FeigReader(pipe.host(), 0xFF, Duration.ofMillis(300));
    emulator.faults().setDelay(Duration.ofMillis(1500));
    emulator.faults().next(FaultInjection.Fault.DELAY, 1);
    assertThatThrownBy(() -> impatient.inventory(OptionalInt.empty()))
        .isInstanceOf(ReaderTimeoutException.class);
  }

  @Test
  void keepsTheQuietTimeBeforeEachRequest() throws Exception {
    field.put(VirtualTag.slix(A));
    List<Long> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.shiori.rfid.transport.Transport host = pipe.host();
    org.shiori.rfid.transport.Transport recording =
        new org.shiori.rfid.transport.Transport() {
          @Override
          public void write(byte[] data) throws java.io.IOException {
            writes.add(System.nanoTime());
            host.write(data);
          }

          @Override
          public int read(byte[] buf, int off, int len, Duration timeout)
              throws java.io.IOException {
            return host.read(buf, off, len, timeout);
          }

          @Override
          public void drain() throws java.io.IOException {
            host.drain();
          }

          @Override
          public void close() {
            host.close();
          }
        };
    FeigReader r = new FeigReader(recording, 0xFF, Duration.ofSeconds(2), Duration.ofMillis(20));
    for (int i = 0; i < 3; i++) {
      r.inventory(OptionalInt.empty());
    }
    for (int i = 1; i < writes.size(); i++) {
      // A lower bound only: the gap the protocol requires, never an upper bound on speed.
      assertThat(writes.get(i) - writes.get(i - 1)).isGreaterThanOrEqualTo(20_000_000L);
    }
  }

  @Test
  void corruptedOrSilentReplyTimesOutThenRecovers() throws Exception {
    field.put(VirtualTag.slix(A));
    FeigReader quick = new FeigReader(pipe.host(), 0xFF, Duration.ofMillis(400));
    emulator.faults().next(FaultInjection.Fault.CORRUPT_CRC, 1);
    assertThatThrownBy(() -> quick.inventory(OptionalInt.empty()))
        .isInstanceOf(ReaderTimeoutException.class);
    emulator.faults().next(FaultInjection.Fault.DROP_BYTE, 1);
    assertThatThrownBy(() -> quick.inventory(OptionalInt.empty()))
        .isInstanceOf(ReaderTimeoutException.class);
    emulator.faults().next(FaultInjection.Fault.SILENT, 1);
    assertThatThrownBy(() -> quick.inventory(OptionalInt.empty()))
        .isInstanceOf(ReaderTimeoutException.class);
    assertThat(quick.inventory(OptionalInt.empty())).hasSize(1);
  }
}
