package org.shiori.rfid.reader.threem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.SystemInfo;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.testing.ScriptedDevice;
import org.shiori.rfid.transport.MemoryPipe;

class ThreeMReaderWireTest {
  private static final TagUid UID = TagUid.fromHex("E004010012345678");
  private final MemoryPipe.Pair pipe = MemoryPipe.pair();

  private ThreeMReader reader(Map<String, String> script) {
    new ScriptedDevice(pipe.device(), script);
    return new ThreeMReader(pipe.host(), Duration.ofSeconds(2));
  }

  @AfterEach
  void close() {
    pipe.close();
  }

  @Test
  void inventoryFromCapturedReply() throws Exception {
    ThreeMReader r = reader(Map.of("D60005FE0005FA40", "D6000FFE00000501E00401003123AA26941A"));
    assertThat(r.inventory(OptionalInt.empty()))
        .containsExactly(new InventoryEntry(TagUid.fromHex("E00401003123AA26"), 0));
  }

  @Test
  void emptyField() throws Exception {
    ThreeMReader r = reader(Map.of("D60005FE0005FA40", "D60007FE00000500C97B"));
    assertThat(r.inventory(OptionalInt.empty())).isEmpty();
  }

  @Test
  void readsOldStyleBlocks() throws Exception {
    ThreeMReader r =
        reader(
            Map.of(
                "D6000D02E00401001234567800020133",
                "D600190200E0040100123456780200001122334401005566778811E8"));
    assertThat(r.readBlocks(UID, 0, 2)).isEqualTo(ScriptedDevice.hex("1122334455667788"));
  }

  @Test
  void readsAfi() throws Exception {
    ThreeMReader r =
        reader(Map.of("D6000B0AE0040100123456787F9F", "D6000D0A00E004010012345678DA9134"));
    assertThat(r.readAfi(UID)).isEqualTo(0xDA);
  }

  @Test
  void noTransponderIsTyped() {
    ThreeMReader r =
        reader(Map.of("D6000B0AE0040100123456787F9F", "D6000C0A06E00401001234567806F5"));
    assertThatThrownBy(() -> r.readAfi(UID)).isInstanceOf(NoTagException.class);
  }

  @Test
  void writesMultiblockAsIs() throws Exception {
    ThreeMReader r =
        reader(
            Map.of("D6001204E00401001234567800010011223344CB40", "D6000C0400E0040100123456786589"));
    r.writeBlocks(UID, 0, ScriptedDevice.hex("11223344"));
  }

  @Test
  void tagInfo() throws Exception {
    ThreeMReader r =
        reader(
            Map.of(
                "D6000C0DE0040100123456780FCADF", "D600130D00E0040100123456780F0007031B0001E9AB"));
    SystemInfo s = r.systemInfo(UID);
    assertThat(s.afi()).hasValue(7);
    assertThat(s.blockSize()).hasValue(4);
    assertThat(s.blockCount()).hasValue(28);
  }

  @Test
  void easCheck() throws Exception {
    ThreeMReader r =
        reader(Map.of("D6000B03E004010012345678BD43", "D6000D0300E0040100123456780191E5"));
    assertThat(r.easAlarm(UID)).isTrue();
  }

  @Test
  void versionAndHardwareVersion() throws Exception {
    ThreeMReader r =
        reader(
            Map.of(
                "D60003116420", "D6000811000A0302063517",
                "D500050400118C66", "D500090400110A0500027250"));
    assertThat(r.info().firmwareVersion()).isEqualTo("03.02.06");
    assertThat(r.hardwareVersion()).isEqualTo("10.5.0.2");
  }
}
