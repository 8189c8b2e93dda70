package org.shiori.rfid.reader.threem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.rfid.testing.ScriptedDevice.hex;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiori.rfid.reader.ProtocolException;

/** Expected BCCs computed with the pseudo code of the 3M specification, appendix C. */
class ThreeMFrameCodecTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "inventory all tags, FE, 0005, D60005FE0005FA40",
    "reader version, 11, '', D60003116420",
    "read multiblock, 02, E00401001234567800020, D6000D02E00401001234567800020133",
    "write multiblock, 04, E0040100123456780001001122334 4, D6001204E00401001234567800010011223344CB40",
    "get AFI, 0A, E004010012345678, D6000B0AE0040100123456787F9F",
    "write AFI, 09, E004010012345678D7, D6000C09E004010012345678D72D9F",
    "check EAS, 03, E004010012345678, D6000B03E004010012345678BD43",
    "EAS on, 0C, E00401001234567801, D6000C0CE004010012345678014454",
    "tag info, 0D, E0040100123456780F, D6000C0DE0040100123456780FCADF",
    "ISO pass-through (spec example), 14, 000B00060000232093697312000007E000,"
        + " D6001414000B00060000232093697312000007E00027C3",
  })
  void encodesRequestsByteExactly(String name, String cmd, String data, String expected) {
    String d = data.replace(" ", "");
    if (d.length() % 2 == 1) {
      d = d.substring(0, d.length() - 1);
    }
    byte[] frame = ThreeMFrameCodec.encode(ThreeMFrame.request(Integer.parseInt(cmd, 16), hex(d)));
    assertThat(HEX.formatHex(frame)).isEqualTo(expected);
  }

  @Test
  void decodesCapturedInventoryReply() throws Exception {
    // A 3M 810 answer to "FE 00 05" with one NXP tag, as logged in the field.
    ThreeMFrame f = ThreeMFrameCodec.decodeReply(hex("D6000FFE00000501E00401003123AA26941A"));
    assertThat(f.command()).isEqualTo(0xFE);
    assertThat(f.status()).isZero();
    assertThat(HEX.formatHex(f.data())).isEqualTo("000501E00401003123AA26");
  }

  @Test
  void decodesSetupHardwareVersionExchange() throws Exception {
    ThreeMFrame req = ThreeMFrameCodec.decodeRequest(hex("D50005040011 8C66".replace(" ", "")));
    assertThat(req.start()).isEqualTo(0xD5);
    assertThat(req.command()).isEqualTo(0x04);
    ThreeMFrame reply = ThreeMFrameCodec.decodeReply(hex("D500090400110A0500027250"));
    assertThat(HEX.formatHex(reply.data())).isEqualTo("110A050002");
    assertThat(HEX.formatHex(ThreeMFrameCodec.encode(reply))).isEqualTo("D500090400110A0500027250");
  }

  @Test
  void rejectsBadBcc() {
    assertThatThrownBy(
            () -> ThreeMFrameCodec.decodeReply(hex("D6000FFE00000501E00401003123AA26941B")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("BCC");
  }

  @Test
  void rejectsWrongStartByte() {
    assertThatThrownBy(() -> ThreeMFrameCodec.decodeReply(hex("D7000FFE")))
        .isInstanceOf(ProtocolException.class);
  }
}
