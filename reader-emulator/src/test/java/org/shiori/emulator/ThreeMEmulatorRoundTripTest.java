package org.shiori.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.codec.Rfid501;
import org.shiori.rfid.codec.TagFormat;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.iso15693.Iso15693Response;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.TagLockedException;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.MemoryPipe;

class ThreeMEmulatorRoundTripTest {
  private static final TagUid A = TagUid.fromHex("E00401003123AA26");
  private static final TagUid B = TagUid.fromHex("E007000012736993");
  private final MemoryPipe.Pair pipe = MemoryPipe.pair();
  private final TagField field = new TagField();
  private final ThreeMReaderEmulator emulator =
      new ThreeMReaderEmulator(pipe.device(), field).start();
  private final ThreeMReader reader = new ThreeMReader(pipe.host(), Duration.ofSeconds(2));

  @AfterEach
  void close() {
    emulator.close();
  }

  @Test
  void inventoryAndAfiFilter() throws Exception {
    VirtualTag a = VirtualTag.slix(A);
    a.setAfi(0xD7);
    field.put(a);
    field.put(VirtualTag.slix(B));
    assertThat(reader.inventory(OptionalInt.empty()))
        .extracting(InventoryEntry::uid)
        .containsExactly(A, B);
    assertThat(reader.inventory(OptionalInt.of(0xD7)))
        .extracting(InventoryEntry::uid)
        .containsExactly(A);
  }

  @Test
  void rfid501ItemRoundTrip() throws Exception {
    field.put(VirtualTag.slix(A));
    byte[] item = Rfid501.encode(1, 1, 1, "1302000123", 1, 3001, 0);
    reader.writeBlocks(A, 0, item);
    var content = LibraryTagCodec.decode(reader.readBlocks(A, 0, 7));
    assertThat(content.format()).isEqualTo(TagFormat.RFID501);
    assertThat(content.itemId()).isEqualTo("1302000123");
  }

  @Test
  void threeMSiteSecurityWithRetries() throws Exception {
    VirtualTag t = VirtualTag.slix(A);
    field.put(t);
    emulator.faults().next(FaultInjection.Fault.NO_TAG, 2);
    TagSecurity s = new TagSecurity(reader, SecurityMode.THREEM_AFI);
    s.secure(A);
    assertThat(t.afi()).isEqualTo(0xD7);
    assertThat(s.isSecured(A)).isTrue();
    s.release(A);
    assertThat(t.afi()).isEqualTo(0xDA);
  }

  @Test
  void easControlAndCheck() throws Exception {
    VirtualTag t = VirtualTag.slix(A);
    field.put(t);
    assertThat(reader.easAlarm(A)).isFalse();
    reader.setEas(A, true);
    assertThat(t.eas()).isTrue();
    assertThat(reader.easAlarm(A)).isTrue();
  }

  @Test
  void lockedAndMissing() throws Exception {
    VirtualTag t = VirtualTag.slix(A);
    t.lockBlock(0);
    field.put(t);
    assertThatThrownBy(() -> reader.writeBlocks(A, 0, new byte[4]))
        .isInstanceOf(TagLockedException.class);
    assertThatThrownBy(() -> reader.readAfi(B)).isInstanceOf(NoTagException.class);
  }

  @Test
  void systemInfoAndVersions() throws Exception {
    field.put(VirtualTag.slix(A));
    assertThat(reader.systemInfo(A).blockCount()).hasValue(28);
    assertThat(reader.info().vendor()).isEqualTo("3M");
    assertThat(reader.hardwareVersion()).isEqualTo("10.5.0.2");
  }

  @Test
  void isoPassThroughReadsABlock() throws Exception {
    VirtualTag t = VirtualTag.slix(B);
    t.write(0, new byte[] {0x55, 0x55, 0x55, 0x55});
    field.put(t);
    Iso15693Response r =
        reader.transceive(Iso15693Request.addressed(Iso15693Request.READ_SINGLE, B, (byte) 0), 6);
    assertThat(r.dataOrThrow("read")).containsExactly(0x55, 0x55, 0x55, 0x55);
    Iso15693Response err =
        reader.transceive(Iso15693Request.addressed(Iso15693Request.READ_SINGLE, B, (byte) 100), 6);
    assertThat(err.isError()).isTrue();
    assertThat(err.errorCode()).isEqualTo(0x10);
  }
}
