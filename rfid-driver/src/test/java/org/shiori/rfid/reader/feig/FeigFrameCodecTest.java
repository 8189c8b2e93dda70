package org.shiori.rfid.reader.feig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.rfid.testing.ScriptedDevice.hex;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiori.rfid.reader.ProtocolException;

/** Expected frames computed with the CRC algorithm printed in the FEIG manual, chapter 3.2. */
class FeigFrameCodecTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "get software version, 65, '', 05FF65E5CB",
    "RF reset, 69, '', 05FF698901",
    "inventory, B0, 0100, 07FFB001001C56",
    "inventory with AFI, B0, 011007, 08FFB00110071C06",
    "inventory more data, B0, 0180, 07FFB0018014D2",
    "read configuration, 80, 03, 06FF80031F30",
    "read multiple blocks, B0, 2301E0040100123456780008, 11FFB02301E004010012345678000807D6",
    "write AFI, B0, 2701E004010012345678C2, 10FFB02701E004010012345678C2794F",
    "system info, B0, 2B01E004010012345678, 0FFFB02B01E00401001234567811A3",
    "set EAS, B1, 04A201E004010012345678, 10FFB104A201E004010012345678FCBB",
  })
  void encodesRequestsByteExactly(String name, String cmd, String data, String expected) {
    byte[] frame =
        FeigFrameCodec.encode(FeigFrame.request(0xFF, Integer.parseInt(cmd, 16), hex(data)));
    assertThat(HEX.formatHex(frame)).isEqualTo(expected);
  }

  @Test
  void decodesInventoryReply() throws Exception {
    FeigFrame f = FeigFrameCodec.decodeReply(hex("1100B000010300E004010012345678D835"));
    assertThat(f.busAddress()).isZero();
    assertThat(f.command()).isEqualTo(0xB0);
    assertThat(f.status()).isZero();
    assertThat(HEX.formatHex(f.data())).isEqualTo("010300E004010012345678");
  }

  @Test
  void encodesReplyByteExactly() {
    byte[] frame = FeigFrameCodec.encode(FeigFrame.reply(0x00, 0xB0, 0x01, new byte[0]));
    assertThat(HEX.formatHex(frame)).isEqualTo("0600B0015C63");
  }

  @Test
  void rejectsBadCrc() {
    assertThatThrownBy(() -> FeigFrameCodec.decodeReply(hex("0600B0015C64")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("CRC");
  }

  @Test
  void rejectsLengthMismatch() {
    assertThatThrownBy(() -> FeigFrameCodec.decodeReply(hex("0700B0015C63")))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void longFramesUseAdvancedProtocolLength() throws Exception {
    byte[] data = new byte[300];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    byte[] frame = FeigFrameCodec.encode(FeigFrame.reply(0x01, 0xB0, 0x00, data));
    assertThat(frame[0]).isEqualTo((byte) 0x02);
    assertThat(((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF)).isEqualTo(frame.length);
    assertThat(frame.length).isEqualTo(3 + 3 + 300 + 2);
    FeigFrame back = FeigFrameCodec.decodeReply(frame);
    assertThat(back.advanced()).isTrue();
    assertThat(back.data()).isEqualTo(data);
  }

  @Test
  void shortAdvancedFrameDecodes() throws Exception {
    byte[] frame = FeigFrameCodec.encode(new FeigFrame(0x00, 0x65, 0x00, hex("0305"), true));
    assertThat(HEX.formatHex(frame)).startsWith("02000A00650003 05".replace(" ", ""));
    assertThat(FeigFrameCodec.decodeReply(frame).data()).isEqualTo(hex("0305"));
  }
}
