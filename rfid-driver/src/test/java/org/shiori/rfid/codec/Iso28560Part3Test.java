package org.shiori.rfid.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.rfid.testing.ScriptedDevice.hex;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Expected bytes computed independently (CCITT-FALSE over bytes 0..18 and 21..33). */
class Iso28560Part3Test {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String DANISH =
      "11010131323334353637383930000000000000610C444B373631353030000000";
  private static final String JAPAN_34 =
      "1101014A50303031323334350000000000000078284A504A502D3130303030303100";

  @Test
  void encodes32ByteBlockExactly() {
    byte[] b = LibraryTagCodec.encodeIso28560_3("1234567890", 1, 1, "DK", "761500");
    assertThat(HEX.formatHex(b)).isEqualTo(DANISH);
  }

  @Test
  void encodes34ByteBlockWhenIsilIsLong() {
    byte[] b = LibraryTagCodec.encodeIso28560_3("JP0012345", 1, 1, "JP", "JP-1000001");
    assertThat(HEX.formatHex(b)).isEqualTo(JAPAN_34);
  }

  @Test
  void decodesAllFields() {
    TagContent c = LibraryTagCodec.decode(hex(DANISH));
    assertThat(c.format()).isEqualTo(TagFormat.ISO28560_3);
    assertThat(c.itemId()).isEqualTo("1234567890");
    assertThat(c.parts()).isEqualTo(1);
    assertThat(c.part()).isEqualTo(1);
    assertThat(c.crcValid()).isTrue();
    assertThat(c.quirks()).isEmpty();
    assertThat(c.fields())
        .containsEntry("version", 1)
        .containsEntry("usage", 1)
        .containsEntry("country", "DK")
        .containsEntry("isil", "761500");
  }

  @Test
  void decodesPublishedGermanSample() {
    // Danish-model sample published with the libdanrfid project's tests: item 11223344, DE-705,
    // CRC 0x3E51 stored LSB first.
    TagContent c =
        LibraryTagCodec.decode(
            hex("11010131313232333334340000000000000000513e4445373035000000000000"));
    assertThat(c.crcValid()).isTrue();
    assertThat(c.itemId()).isEqualTo("11223344");
    assertThat(c.fields()).containsEntry("country", "DE").containsEntry("isil", "705");
    byte[] again = LibraryTagCodec.encodeIso28560_3("11223344", 1, 1, "DE", "705");
    assertThat(HEX.formatHex(again))
        .isEqualTo("11010131313232333334340000000000000000513E4445373035000000000000");
  }

  @Test
  void decodesWholeMemoryDumpOfSlix() {
    byte[] mem = new byte[112];
    System.arraycopy(hex(DANISH), 0, mem, 0, 32);
    mem[40] = 0x55;
    TagContent c = LibraryTagCodec.decode(mem);
    assertThat(c.crcValid()).isTrue();
    assertThat(c.itemId()).isEqualTo("1234567890");
  }

  @Test
  void corruptedCopyReportsCrcInvalid() {
    byte[] b = hex(DANISH);
    b[5] ^= 0x01;
    TagContent c = LibraryTagCodec.decode(b);
    assertThat(c.format()).isEqualTo(TagFormat.ISO28560_3);
    assertThat(c.crcValid()).isFalse();
    assertThat(c.fields()).containsEntry("crcValid", false);
  }

  @Test
  void nibbleSwappedByte0IsAQuirk() {
    byte[] enc =
        Iso28560Part3.encode(new Iso28560Part3.Data(1, 2, 1, 1, "ABC123", "JP", "JP-1000001"), 34);
    enc[0] = 0x21;
    TagContent c = LibraryTagCodec.decode(enc);
    assertThat(c.crcValid()).isTrue();
    assertThat(c.quirks()).containsExactly(TagContent.QUIRK_NIBBLE_SWAPPED);
    assertThat(c.fields()).containsEntry("usage", 2).containsEntry("version", 1);
  }

  @Test
  void nibbleSwappedWithCrcOverStoredByteIsValidToo() {
    byte[] enc =
        Iso28560Part3.encode(new Iso28560Part3.Data(2, 1, 1, 1, "ABC123", "JP", "JP-1"), 32);
    // Stored 0x21 with a CRC over 0x21: reading it as version 1, usage 2 still validates.
    TagContent c = LibraryTagCodec.decode(enc);
    assertThat(c.crcValid()).isTrue();
    assertThat(c.quirks()).containsExactly(TagContent.QUIRK_NIBBLE_SWAPPED);
    assertThat(c.fields()).containsEntry("usage", 2);
  }

  @Test
  void blockReversedDataIsAQuirk() {
    byte[] b = Iso28560Part3.reverseBlocks(hex(DANISH));
    TagContent c = LibraryTagCodec.decode(b);
    assertThat(c.crcValid()).isTrue();
    assertThat(c.itemId()).isEqualTo("1234567890");
    assertThat(c.quirks()).containsExactly(TagContent.QUIRK_BLOCK_REVERSED);
  }

  @Test
  void partsSwappedIsAQuirk() {
    byte[] b = Iso28560Part3.encode(new Iso28560Part3.Data(1, 1, 2, 3, "X1", "JP", "JP-1"), 32);
    TagContent c = LibraryTagCodec.decode(b);
    assertThat(c.parts()).isEqualTo(3);
    assertThat(c.part()).isEqualTo(2);
    assertThat(c.quirks()).containsExactly(TagContent.QUIRK_PARTS_SWAPPED);
  }

  @Test
  void rejectsTooLongItemId() {
    assertThatThrownBy(
            () -> LibraryTagCodec.encodeIso28560_3("12345678901234567", 1, 1, "JP", "JP-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item id");
  }

  @Test
  void roundTripsMultiPartItem() {
    byte[] b = LibraryTagCodec.encodeIso28560_3("30001234567890", 2, 1, "JP", "JP-1234567");
    assertThat(HEX.formatHex(b))
        .isEqualTo("1102013330303031323334353637383930000090DA4A504A502D3132333435363700");
    TagContent c = LibraryTagCodec.decode(b);
    assertThat(c.parts()).isEqualTo(2);
    assertThat(c.part()).isEqualTo(1);
  }

  @Test
  void emptyAndShortInputAreUnknown() {
    assertThat(LibraryTagCodec.decode(new byte[0]).format()).isEqualTo(TagFormat.UNKNOWN);
    assertThat(LibraryTagCodec.decode(new byte[] {0x11, 0x01}).format())
        .isEqualTo(TagFormat.UNKNOWN);
    assertThat(LibraryTagCodec.decode(new byte[32]).format()).isEqualTo(TagFormat.UNKNOWN);
  }
}
