package org.shiori.rfid.iso15693;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.rfid.testing.ScriptedDevice.hex;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.TagLockedException;
import org.shiori.rfid.tag.TagUid;

class Iso15693CodecTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @Test
  void oneSlotInventoryWithCrc() {
    assertThat(HEX.formatHex(Iso15693Request.inventory(java.util.OptionalInt.empty()).encode(true)))
        .isEqualTo("260100F60A");
  }

  @Test
  void decodesAddressedReadSingleFromThreeMSpecExample() throws Exception {
    // 3M pass-through example: 23 20 93 69 73 12 00 00 07 E0 00
    Iso15693Request r = Iso15693Request.decode(hex("232093697312000007E000"), false);
    assertThat(r.command()).isEqualTo(0x20);
    assertThat(r.uid()).isEqualTo(TagUid.fromHex("E007000012736993"));
    assertThat(r.params()).containsExactly(0);
    assertThat(HEX.formatHex(r.encode(false))).isEqualTo("232093697312000007E000");
  }

  @Test
  void nxpCustomCommandCarriesManufacturer() {
    byte[] f =
        Iso15693Request.addressed(Iso15693Request.NXP_SET_EAS, TagUid.fromHex("E004010012345678"))
            .encode(false);
    assertThat(HEX.formatHex(f)).isEqualTo("22A2047856341200010 4E0".replace(" ", ""));
  }

  @Test
  void responseCrcRoundTrip() throws Exception {
    byte[] f = Iso15693Response.ok(hex("55555555")).encode(true);
    assertThat(Iso15693Response.decode(f, true).data()).isEqualTo(hex("55555555"));
    f[2] ^= 1;
    assertThatThrownBy(() -> Iso15693Response.decode(f, true))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void errorResponseIsTyped() throws Exception {
    Iso15693Response r = Iso15693Response.decode(hex("0112"), false);
    assertThat(r.isError()).isTrue();
    assertThatThrownBy(() -> r.dataOrThrow("write")).isInstanceOf(TagLockedException.class);
  }
}
