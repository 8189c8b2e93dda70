package org.shiori.rfid.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.ThreeMReaderEmulator;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;
import org.shiori.testkit.SocatPtyPair;

/** Emulator on one pty, driver on the other, both through jSerialComm. */
@Timeout(60)
class SerialTransportPtyTest {
  private static final TagUid UID = TagUid.fromHex("E004010012345678");

  @Test
  void feigOverPty() throws Exception {
    try (SocatPtyPair ptys = SocatPtyPair.start()) {
      TagField field = new TagField();
      VirtualTag tag =
          VirtualTag.slix(UID, LibraryTagCodec.encodeIso28560_3("1234567890", 1, 1, "JP", "JP-1"));
      field.put(tag);
      try (FeigReaderEmulator emu =
              new FeigReaderEmulator(
                      new SerialTransport(SerialSettings.feig(ptys.first())), field, 0x00)
                  .start();
          FeigReader reader =
              new FeigReader(
                  new SerialTransport(SerialSettings.feig(ptys.second())),
                  0xFF,
                  Duration.ofSeconds(3))) {
        List<InventoryEntry> tags = reader.inventory(OptionalInt.empty());
        assertThat(tags).extracting(InventoryEntry::uid).containsExactly(UID);
        assertThat(LibraryTagCodec.decode(reader.readBlocks(UID, 0, 8)).itemId())
            .isEqualTo("1234567890");
        new TagSecurity(reader, SecurityMode.ISO_AFI).release(UID);
        assertThat(tag.afi()).isEqualTo(0xC2);
        assertThat(emu.requestsServed()).isGreaterThanOrEqualTo(4);
      }
    }
  }

  @Test
  void reopensAPortLastClosedWithEvenParity() throws Exception {
    try (SocatPtyPair ptys = SocatPtyPair.start()) {
      TagField field = new TagField();
      field.put(VirtualTag.slix(UID));
      try (FeigReaderEmulator emu =
          new FeigReaderEmulator(new SerialTransport(SerialSettings.feig(ptys.first())), field, 0)
              .start()) {
        for (int session = 0; session < 3; session++) {
          try (FeigReader reader =
              new FeigReader(
                  new SerialTransport(SerialSettings.feig(ptys.second())),
                  0xFF,
                  Duration.ofSeconds(3))) {
            assertThat(reader.inventory(OptionalInt.empty())).hasSize(1);
          }
        }
      }
    }
  }

  @Test
  void threeMOverPty() throws Exception {
    try (SocatPtyPair ptys = SocatPtyPair.start()) {
      TagField field = new TagField();
      field.put(VirtualTag.slix(UID));
      try (ThreeMReaderEmulator emu =
              new ThreeMReaderEmulator(
                      new SerialTransport(SerialSettings.threeM(ptys.first())), field)
                  .start();
          ThreeMReader reader =
              new ThreeMReader(
                  new SerialTransport(SerialSettings.threeM(ptys.second())),
                  Duration.ofSeconds(3))) {
        assertThat(reader.inventory(OptionalInt.empty()))
            .extracting(InventoryEntry::uid)
            .containsExactly(UID);
        new TagSecurity(reader, SecurityMode.THREEM_AFI).secure(UID);
        assertThat(reader.readAfi(UID)).isEqualTo(0xD7);
      }
    }
  }

  @Test
  void reopensWhenTheDeviceComesBack(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("reader");
    Path b = dir.resolve("host");
    SocatPtyPair first = SocatPtyPair.start(a, b);
    SerialTransport host =
        new SerialTransport(SerialSettings.threeM(b.toString()), Duration.ofMillis(100));
    try {
      first.kill();
      // The adapter is gone: operations fail with IOException, not hang.
      assertThatThrownBy(() -> readUntilFailure(host)).isInstanceOf(IOException.class);
      try (SocatPtyPair second = SocatPtyPair.start(a, b)) {
        TagField field = new TagField();
        field.put(VirtualTag.slix(UID));
        try (ThreeMReaderEmulator emu =
            new ThreeMReaderEmulator(
                    new SerialTransport(SerialSettings.threeM(a.toString())), field)
                .start()) {
          ThreeMReader reader = new ThreeMReader(host, Duration.ofSeconds(2));
          assertThat(inventoryWithRetries(reader))
              .extracting(InventoryEntry::uid)
              .containsExactly(UID);
          assertThat(emu.requestsServed()).isPositive();
        }
      }
    } finally {
      host.close();
    }
  }

  private static void readUntilFailure(SerialTransport t) throws IOException {
    byte[] buf = new byte[16];
    for (int i = 0; i < 50; i++) {
      t.write(new byte[] {0x00});
      t.read(buf, 0, buf.length, Duration.ofMillis(50));
    }
  }

  private static List<InventoryEntry> inventoryWithRetries(ThreeMReader reader) throws Exception {
    Exception last = null;
    for (int i = 0; i < 20; i++) {
      try {
        return reader.inventory(OptionalInt.empty());
      } catch (Exception e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw last;
  }
}
