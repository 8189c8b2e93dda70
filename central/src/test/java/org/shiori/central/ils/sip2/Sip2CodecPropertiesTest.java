package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever arrives, decoding either gives a message or a {@link Sip2ProtocolException}. */
class Sip2CodecPropertiesTest {
  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  private final Sip2Codec utf8 = Sip2Codec.of(Sip2TestSettings.settings());
  private final Sip2Codec sjis =
      Sip2Codec.of(Sip2TestSettings.builder().charset(SHIFT_JIS).build());
  private final Sip2Codec plain =
      Sip2Codec.of(Sip2TestSettings.builder().errorDetection(false).build());

  @Property(tries = 500)
  void garbageNeverThrowsAnythingButAProtocolException(@ForAll @Size(max = 200) byte[] bytes) {
    for (Sip2Codec codec : new Sip2Codec[] {utf8, sjis, plain}) {
      try {
        readEveryResponseKind(codec.decode(bytes).message());
      } catch (Sip2ProtocolException expected) {
        // a clear refusal is the point
      }
    }
  }

  @Property(tries = 300)
  void knownCommandWithGarbageAfterItNeverThrowsAnythingButAProtocolException(
      @ForAll("responseIds") String id, @ForAll @Size(max = 120) byte[] tail) {
    byte[] bytes = new byte[2 + tail.length];
    bytes[0] = (byte) id.charAt(0);
    bytes[1] = (byte) id.charAt(1);
    System.arraycopy(tail, 0, bytes, 2, tail.length);
    try {
      readEveryResponseKind(plain.decode(bytes).message());
    } catch (Sip2ProtocolException expected) {
      // a clear refusal is the point
    }
  }

  @Property(tries = 300)
  void itemInformationRoundTripsAnyTitleInShiftJis(
      @ForAll("japaneseTitles") String title, @ForAll @IntRange(min = 0, max = 9) int sequence)
      throws Exception {
    Sip2Message message =
        Sip2Message.builder(Sip2Command.ITEM_INFORMATION_RESPONSE)
            .fixed("0300" + "01" + Sip2TestSettings.NOW_SIP2)
            .field("AB", "3010000000011")
            .field("AJ", title)
            .build();
    byte[] encoded = sjis.encode(message, sequence);
    Sip2Frame decoded = sjis.decode(Arrays.copyOf(encoded, encoded.length - 1));

    assertThat(decoded.message()).isEqualTo(message);
    assertThat(decoded.sequenceNumber()).hasValue(sequence);
  }

  @Property(tries = 300)
  void anySingleFlippedByteIsNoticed(
      @ForAll("japaneseTitles") String title, @ForAll @IntRange(min = 0, max = 500) int position) {
    Sip2Message message =
        Sip2Message.builder(Sip2Command.ITEM_INFORMATION_RESPONSE)
            .fixed("0300" + "01" + Sip2TestSettings.NOW_SIP2)
            .field("AJ", title)
            .build();
    byte[] encoded = sjis.encode(message, 1);
    byte[] received = Arrays.copyOf(encoded, encoded.length - 1);
    int at = position % received.length;
    received[at] = (byte) (received[at] ^ 0x01);
    try {
      Sip2Frame frame = sjis.decode(received);
      assertThat(frame.message()).isNotEqualTo(message);
    } catch (Sip2ProtocolException expected) {
      // noticed
    }
  }

  @Provide
  Arbitrary<String> responseIds() {
    return Arbitraries.of("94", "98", "12", "10", "30", "64", "18", "36", "96");
  }

  @Provide
  Arbitrary<String> japaneseTitles() {
    return Arbitraries.strings()
        .withChars("ぁあいうえおかがきぎアイウエオカガキギポボソ表能十申漢字図鑑猫吾輩坊っちゃん 　abcXYZ019-")
        .ofMinLength(0)
        .ofMaxLength(40);
  }

  private static void readEveryResponseKind(Sip2Message message) throws Sip2ProtocolException {
    switch (message.command()) {
      case LOGIN_RESPONSE:
        Sip2LoginResponse.from(message);
        break;
      case ACS_STATUS:
        Sip2AcsStatus.from(message);
        break;
      case CHECKOUT_RESPONSE:
      case RENEW_RESPONSE:
        Sip2CirculationResponse.from(message, message.command());
        break;
      case CHECKIN_RESPONSE:
        Sip2CheckinResponse.from(message);
        break;
      case PATRON_INFORMATION_RESPONSE:
        Sip2PatronInformationResponse.from(message);
        break;
      case ITEM_INFORMATION_RESPONSE:
        Sip2ItemInformationResponse.from(message);
        break;
      case END_SESSION_RESPONSE:
        Sip2EndSessionResponse.from(message);
        break;
      default:
        break;
    }
  }
}
