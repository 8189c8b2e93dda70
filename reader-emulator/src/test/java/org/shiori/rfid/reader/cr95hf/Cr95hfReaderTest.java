package org.shiori.rfid.reader.cr95hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.emulator.Cr95hfEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.testing.ScriptedDevice;
import org.shiori.rfid.transport.MemoryPipe;

class Cr95hfReaderTest {
  private static final TagUid A = TagUid.fromHex("E004010012345678");
  private final MemoryPipe.Pair pipe = MemoryPipe.pair();

  @AfterEach
  void close() {
    pipe.close();
  }

  @Test
  void wireFramesOfProtocolSelectAndInventory() throws Exception {
    // 02 02 01 0D = ProtocolSelect ISO 15693; 04 03 26 01 00 = SendRecv one-slot inventory;
    // the chip answers 80 LEN, tag frame (flags DSFID UID CRC), status byte.
    byte[] tagFrame =
        org.shiori.emulator.Iso15693TagResponder.inventoryReply(VirtualTag.slix(A)).encode(true);
    String reply =
        "80"
            + String.format("%02X", tagFrame.length + 1)
            + java.util.HexFormat.of().withUpperCase().formatHex(tagFrame)
            + "00";
    new ScriptedDevice(pipe.device(), Map.of("0202010D", "0000", "0403260100", reply));
    Cr95hfReader r = new Cr95hfReader(pipe.host(), Duration.ofSeconds(2));
    assertThat(r.inventory(OptionalInt.empty())).containsExactly(new InventoryEntry(A, 0));
    assertThat(reply).startsWith("800D000078563412000104E0");
  }

  @Test
  void anticollisionFindsEveryTag() throws Exception {
    TagField field = new TagField();
    for (long i = 0; i < 6; i++) {
      field.put(VirtualTag.slix(new TagUid(0xE004010000000000L | (i * 0x1111L))));
    }
    field.put(VirtualTag.slix(new TagUid(0xE004010000000100L)));
    try (Cr95hfEmulator emu = new Cr95hfEmulator(pipe.device(), field).start()) {
      Cr95hfReader r = new Cr95hfReader(pipe.host(), Duration.ofSeconds(2));
      assertThat(r.inventory(OptionalInt.empty()))
          .extracting(InventoryEntry::uid)
          .containsExactlyInAnyOrderElementsOf(field.tags().stream().map(VirtualTag::uid).toList());
    }
  }

  @Test
  void blocksAfiEasAndInfo() throws Exception {
    TagField field = new TagField();
    VirtualTag t = VirtualTag.slix(A);
    field.put(t);
    try (Cr95hfEmulator emu = new Cr95hfEmulator(pipe.device(), field).start()) {
      Cr95hfReader r = new Cr95hfReader(pipe.host(), Duration.ofSeconds(2));
      byte[] block = LibraryTagCodec.encodeIso28560_3("1234567890", 1, 1, "JP", "JP-1");
      r.writeBlocks(A, 0, block);
      assertThat(r.readBlocks(A, 0, 8)).isEqualTo(block);
      TagSecurity s = new TagSecurity(r, SecurityMode.ISO_AFI);
      s.secure(A);
      assertThat(t.afi()).isEqualTo(0x07);
      assertThat(r.systemInfo(A).blockCount()).hasValue(28);
      assertThat(r.easAlarm(A)).isFalse();
      r.setEas(A, true);
      assertThat(r.easAlarm(A)).isTrue();
      assertThat(r.inventory(OptionalInt.of(0x07))).hasSize(1);
      assertThat(r.inventory(OptionalInt.of(0xC2))).isEmpty();
      assertThat(r.info().firmwareVersion()).isEqualTo("NFC FS2JAST4");
      assertThatThrownBy(() -> r.readAfi(TagUid.fromHex("E004010099999999")))
          .isInstanceOf(NoTagException.class);
    }
  }
}
