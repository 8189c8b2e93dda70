package org.shiori.rfid.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.rfid.testing.ScriptedDevice.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OtherFormatsTest {
  @Test
  void rfid501Decode() {
    byte[] m = hex("04110001" + "31333032303030313233000000000000" + "00100BB9" + "00000000");
    TagContent c = LibraryTagCodec.decode(m);
    assertThat(c.format()).isEqualTo(TagFormat.RFID501);
    assertThat(c.itemId()).isEqualTo("1302000123");
    assertThat(c.fields())
        .containsEntry("set", 1)
        .containsEntry("total", 1)
        .containsEntry("type", 1)
        .containsEntry("barcode", "1302000123")
        .containsEntry("branch", 1)
        .containsEntry("library", 3001)
        .containsEntry("custom", 0);
    assertThat(Rfid501.encode(1, 1, 1, "1302000123", 1, 3001, 0)).isEqualTo(m);
  }

  @Test
  void rfid501BlockReversedIsAQuirk() {
    byte[] m = Iso28560Part3.reverseBlocks(Rfid501.encode(2, 3, 6, "ABC-1", 7, 12345, -1));
    TagContent c = LibraryTagCodec.decode(m);
    assertThat(c.format()).isEqualTo(TagFormat.RFID501);
    assertThat(c.itemId()).isEqualTo("ABC-1");
    assertThat(c.quirks()).containsExactly(TagContent.QUIRK_BLOCK_REVERSED);
    assertThat(c.fields()).containsEntry("custom", -1).containsEntry("library", 12345);
  }

  @Test
  void rfid501BlankTag() {
    byte[] m = new byte[28];
    Arrays.fill(m, 0, 24, (byte) 0x55);
    TagContent c = LibraryTagCodec.decode(m);
    assertThat(c.format()).isEqualTo(TagFormat.RFID501);
    assertThat(c.quirks()).containsExactly(TagContent.QUIRK_BLANK);
    assertThat(c.itemId()).isEmpty();
  }

  @Test
  void iso28560Part2SixBitItemIdAndOctetIsil() {
    // precursor 0x41: 6-bit code, OID 1; "ABC123" packed; then 0x63: octet string, OID 3.
    byte[] m = hex("4105" + "0420F1CB30" + "6306" + "4A502D313233" + "00" + "0000000000");
    TagContent c = LibraryTagCodec.decode(m);
    assertThat(c.format()).isEqualTo(TagFormat.ISO28560_2);
    assertThat(c.itemId()).isEqualTo("ABC123");
    assertThat(c.fields()).containsEntry("isil", "JP-123");
  }

  @Test
  void iso28560Part2NumericItemIdKeepsLeadingZeros() {
    // 4-bit digits 0 0 1 2 3 4 5, padded with a trailing shift code (F).
    byte[] m = hex("2104" + "0012345F" + "00");
    TagContent c = LibraryTagCodec.decode(m);
    assertThat(c.format()).isEqualTo(TagFormat.ISO28560_2);
    assertThat(c.itemId()).isEqualTo("0012345");
  }

  @Test
  void iso28560Part2SkipsApplicationDefinedContentParameterAndReadsCodedIsil() {
    // Item id "31234", content parameter (OID 2, application-defined) skipped,
    // owner ISIL (OID 3, application-defined 5-bit code): "FI" shift-numeric... kept simple:
    // upper-case "FI", latch lower (28), "he" -> FI followed by "-He" style codes.
    // bits: F=00110 I=01001 -=00000 H=01000 shift-lower(29)=11101 e=00101 + pad 1111 11
    byte[] isil = bits("00110" + "01001" + "00000" + "01000" + "11101" + "00101" + "111111");
    String hex =
        "2103"
            + "31234F"
            + "0202"
            + "C000"
            + "03"
            + String.format("%02X", isil.length)
            + java.util.HexFormat.of().formatHex(isil)
            + "00";
    TagContent c = LibraryTagCodec.decode(hex(hex));
    assertThat(c.format()).isEqualTo(TagFormat.ISO28560_2);
    assertThat(c.itemId()).isEqualTo("31234");
    assertThat(c.fields()).containsEntry("isil", "FI-He");
  }

  private static byte[] bits(String s) {
    byte[] out = new byte[s.length() / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(i * 8, i * 8 + 8), 2);
    }
    return out;
  }

  @Test
  void iso28560Part2MustStartWithItemId() {
    byte[] m = hex("6306" + "4A502D313233" + "00");
    assertThat(LibraryTagCodec.decode(m).format()).isEqualTo(TagFormat.UNKNOWN);
  }

  @Test
  void randomBytesAreUnknown() {
    byte[] m = hex("FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100");
    assertThat(LibraryTagCodec.decode(m).format()).isEqualTo(TagFormat.UNKNOWN);
  }
}
