package org.shiori.rfid.reader.feig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.ReaderTimeoutException;
import org.shiori.rfid.reader.SystemInfo;
import org.shiori.rfid.reader.TagLockedException;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.testing.ScriptedDevice;
import org.shiori.rfid.transport.MemoryPipe;

/** The driver against fixed request/reply bytes (reply frames built per manual chapter 7). */
class FeigReaderWireTest {
  private static final TagUid UID = TagUid.fromHex("E004010012345678");
  private final MemoryPipe.Pair pipe = MemoryPipe.pair();
  private ScriptedDevice device;

  private FeigReader reader(Map<String, String> script) {
    device = new ScriptedDevice(pipe.device(), script);
    return new FeigReader(pipe.host(), 0xFF, Duration.ofSeconds(2));
  }

  @AfterEach
  void close() {
    pipe.close();
  }

  @Test
  void inventoryParsesIso15693DataSet() throws Exception {
    FeigReader r = reader(Map.of("07FFB001001C56", "1100B000010300E004010012345678D835"));
    assertThat(r.inventory(OptionalInt.empty())).containsExactly(new InventoryEntry(UID, 0));
  }

  @Test
  void inventoryWithoutTagsIsEmpty() throws Exception {
    FeigReader r = reader(Map.of("07FFB001001C56", "0600B0015C63"));
    assertThat(r.inventory(OptionalInt.empty())).isEmpty();
  }

  @Test
  void systemInfoGivesAfiAndMemorySize() throws Exception {
    FeigReader r =
        reader(Map.of("0FFFB02B01E00401001234567811A3", "1300B00000E00401001234567807031B01AF59"));
    SystemInfo info = r.systemInfo(UID);
    assertThat(info.afi()).hasValue(0x07);
    assertThat(info.blockSize()).hasValue(4);
    assertThat(info.blockCount()).hasValue(28);
    assertThat(info.uid()).isEqualTo(UID);
  }

  @Test
  void readBlocksReversesEachBlock() throws Exception {
    FeigReader r =
        reader(
            Map.of("11FFB02301E00401001234567800025D79", "1200B0000204004433221100887766550C10"));
    assertThat(r.readBlocks(UID, 0, 2)).isEqualTo(ScriptedDevice.hex("1122334455667788"));
  }

  @Test
  void writeBlocksSendsReversedBlocks() throws Exception {
    FeigReader r = reader(Map.of("16FFB02401E00401001234567800010444332211EAEB", "0600B000D572"));
    r.writeBlocks(UID, 0, ScriptedDevice.hex("11223344"));
    assertThat(device.received()).containsExactly("16FFB02401E00401001234567800010444332211EAEB");
  }

  @Test
  void isoErrorLockedIsTagLocked() {
    FeigReader r =
        reader(Map.of("16FFB02401E00401001234567800010444332211EAEB", "0800B0951201D84F"));
    assertThatThrownBy(() -> r.writeBlocks(UID, 0, ScriptedDevice.hex("11223344")))
        .isInstanceOf(TagLockedException.class);
  }

  @Test
  void easAlarmSilentTagIsFalse() throws Exception {
    FeigReader r = reader(Map.of("10FFB104A501E004010012345678097F", "0600B101847A"));
    assertThat(r.easAlarm(UID)).isFalse();
  }

  @Test
  void softwareVersion() throws Exception {
    FeigReader r = reader(Map.of("05FF65E5CB", "0D006500030500004C000873B7"));
    assertThat(r.info().firmwareVersion()).isEqualTo("3.5.0");
    assertThat(r.info().vendor()).isEqualTo("FEIG");
  }

  @Test
  void noReplyTimesOut() {
    FeigReader r = new FeigReader(pipe.host(), 0xFF, Duration.ofMillis(300));
    device = new ScriptedDevice(pipe.device(), Map.of());
    assertThatThrownBy(() -> r.rfReset()).isInstanceOf(ReaderTimeoutException.class);
    assertThat(device.received()).contains("05FF698901");
  }

  @Test
  void noTransponderOnWriteAfi() {
    FeigReader r = reader(Map.of("10FFB02701E004010012345678C2794F", "0600B0015C63"));
    assertThatThrownBy(() -> r.writeAfi(UID, 0xC2)).isInstanceOf(NoTagException.class);
  }
}
