package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** ACS answers decoded strictly against the SIP2 2.00 layouts, and garbage refused clearly. */
class Sip2ResponseDecodingTest {
  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
  private final Sip2Codec codec = Sip2Codec.of(Sip2TestSettings.settings());

  private Sip2Frame decode(String text) throws Sip2ProtocolException {
    return codec.decode(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void loginResponse94_okAndSequenceNumber() throws Exception {
    Sip2Frame frame = decode("941AY0AZFDFD");
    assertThat(frame.sequenceNumber()).isEqualTo(OptionalInt.of(0));
    assertThat(Sip2LoginResponse.from(frame.message()).ok()).isTrue();
  }

  @Test
  void acsStatus98_onlineCheckinCheckoutRenewal_statusUpdate_offline_version_AO_BX()
      throws Exception {
    Sip2AcsStatus status =
        Sip2AcsStatus.from(
            decode(
                    "98YYYYNN100003"
                        + Sip2TestSettings.NOW_SIP2
                        + "2.00AOSHIORI|BXYYYYYYYYYYYYYYYY|AY1AZED91")
                .message());
    assertThat(status.online()).isTrue();
    assertThat(status.checkinOk()).isTrue();
    assertThat(status.checkoutOk()).isTrue();
    assertThat(status.renewalPolicy()).isTrue();
    assertThat(status.statusUpdateOk()).isFalse();
    assertThat(status.offlineOk()).isFalse();
    assertThat(status.protocolVersion()).isEqualTo("2.00");
    assertThat(status.supportedMessages()).contains("YYYYYYYYYYYYYYYY");
  }

  @Test
  void checkoutResponse12_ok_renewalOk_magneticMedia_desensitize_AB_AJ_AH() throws Exception {
    Sip2Frame frame =
        decode(
            "121NNY"
                + Sip2TestSettings.NOW_SIP2
                + "AOSHIORI|AA0123456789|AB1234567890|AJ坊っちゃん|AH20261215    235959|AY2AZE193");
    Sip2CirculationResponse checkout =
        Sip2CirculationResponse.from(frame.message(), Sip2Command.CHECKOUT_RESPONSE);
    assertThat(checkout.ok()).isTrue();
    assertThat(checkout.renewalOk()).isFalse();
    assertThat(checkout.magneticMedia()).isEqualTo('N');
    assertThat(checkout.desensitize()).isEqualTo('Y');
    assertThat(checkout.itemId()).contains("1234567890");
    assertThat(checkout.title()).contains("坊っちゃん");
    assertThat(checkout.dueDate()).contains("20261215    235959");
  }

  @Test
  void itemInformationResponse18_shiftJisTitleWithAByteThatLooksLikeTheDelimiter()
      throws Exception {
    // ポ is 0x83 0x7C in Shift_JIS: its second byte is '|'. Fields are split on characters.
    Sip2Codec sjis = Sip2Codec.of(Sip2TestSettings.builder().charset(SHIFT_JIS).build());
    String body = "18040000" + Sip2TestSettings.NOW_SIP2 + "AB1234567890|AJポケット図鑑|AY7AZ";
    byte[] bytes = body.getBytes(SHIFT_JIS);
    byte[] withChecksum = withChecksum(bytes);
    Sip2ItemInformationResponse item =
        Sip2ItemInformationResponse.from(sjis.decode(withChecksum).message());
    assertThat(item.circulationStatus()).isEqualTo("04");
    assertThat(item.title()).contains("ポケット図鑑");
    assertThat(item.onLoan()).isTrue();
  }

  @Test
  void shiftJisChecksumIsOverTheEncodedBytes() throws Exception {
    Sip2Codec sjis = Sip2Codec.of(Sip2TestSettings.builder().charset(SHIFT_JIS).build());
    byte[] bytes =
        ("1804000020261201    100203AB1234567890|AJ吾輩は猫である|AH20261215    235959|AY7AZE8EA")
            .getBytes(SHIFT_JIS);
    assertThat(sjis.decode(bytes).message().field("AJ")).contains("吾輩は猫である");
  }

  @Test
  void badChecksumIsAChecksumException() {
    assertThatThrownBy(() -> decode("941AY0AZFDFE"))
        .isInstanceOf(Sip2ChecksumException.class)
        .hasMessageContaining("94")
        .hasMessageContaining("FDFD");
  }

  @Test
  void missingChecksumWhileErrorDetectionIsOnIsRefused() {
    assertThatThrownBy(() -> decode("941"))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("no AZ checksum");
  }

  @Test
  void withoutErrorDetectionAMessageWithoutChecksumIsRead() throws Exception {
    Sip2Codec plain = Sip2Codec.of(Sip2TestSettings.builder().errorDetection(false).build());
    Sip2Frame frame = plain.decode("941".getBytes(StandardCharsets.US_ASCII));
    assertThat(frame.sequenceNumber()).isEmpty();
    assertThat(Sip2LoginResponse.from(frame.message()).ok()).isTrue();
  }

  @Test
  void unknownCommandIsAProtocolErrorNamingIt() {
    assertThatThrownBy(() -> decode(checksummed("XX1AY0AZ")))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("Unknown SIP2 command identifier 'XX'");
  }

  @Test
  void emptyOrOneCharacterMessageIsAProtocolError() {
    assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(Sip2ProtocolException.class);
    Sip2Codec plain = Sip2Codec.of(Sip2TestSettings.builder().errorDetection(false).build());
    assertThatThrownBy(() -> plain.decode(new byte[] {'9'}))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void checkoutResponse12WithTooFewFixedCharactersIsAProtocolError() {
    assertThatThrownBy(() -> decode(checksummed("121NNY2026AY2AZ")))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("12 too short")
        .hasMessageContaining("needs 22");
  }

  @Test
  void checkoutResponse12WithOkNeitherZeroNorOneNamesTheField() throws Exception {
    Sip2Message message =
        decode(checksummed("12XNNY" + Sip2TestSettings.NOW_SIP2 + "AOSHIORI|AY2AZ")).message();
    assertThatThrownBy(() -> Sip2CirculationResponse.from(message, Sip2Command.CHECKOUT_RESPONSE))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("'ok' at position 2 is 'X', expected 0 or 1");
  }

  @Test
  void variableFieldWithoutTwoLetterCodeIsAProtocolError() {
    assertThatThrownBy(() -> decode(checksummed("941A|AY0AZ")))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("no 2-letter code");
  }

  @Test
  void invalidUtf8IsAProtocolErrorNotACrash() {
    byte[] body = {'9', '4', '1', 'A', 'F', (byte) 0xC3, (byte) 0x28, '|', 'A', 'Y', '0', 'A', 'Z'};
    assertThatThrownBy(() -> codec.decode(withChecksum(body)))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void answerOfTheWrongKindIsAProtocolError() throws Exception {
    Sip2Message login = decode("941AY0AZFDFD").message();
    assertThatThrownBy(() -> Sip2AcsStatus.from(login))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("Expected SIP2 98, got 94");
  }

  @Test
  void patronInformationResponse64_statusFlags_BL_CQ_AUchargedItems() throws Exception {
    String fixed = "Y             000" + Sip2TestSettings.NOW_SIP2 + "000000000002000000000000";
    Sip2PatronInformationResponse patron =
        Sip2PatronInformationResponse.from(
            decode(
                    checksummed(
                        "64"
                            + fixed
                            + "AOSHIORI|AA0123456789|AEYamada Taro|BLY|CQN|AU111|AU222|AFBlocked|AY6AZ"))
                .message());
    assertThat(patron.restricted(Sip2PatronInformationResponse.CHARGE_PRIVILEGES_DENIED)).isTrue();
    assertThat(patron.restricted(Sip2PatronInformationResponse.RENEWAL_PRIVILEGES_DENIED))
        .isFalse();
    assertThat(patron.validPatron()).contains(true);
    assertThat(patron.validPatronPassword()).contains(false);
    assertThat(patron.chargedItems()).containsExactly("111", "222");
    assertThat(patron.screenMessage()).isEqualTo("Blocked");
  }

  @Test
  void checkinResponse10_ok_resensitize_magneticMedia_alert_AQ_CL_CV() throws Exception {
    Sip2CheckinResponse checkin =
        Sip2CheckinResponse.from(
            decode(
                    checksummed(
                        "101YNY"
                            + Sip2TestSettings.NOW_SIP2
                            + "AOSHIORI|AB1234567890|AQ2F|AJTitle|CL3|CV01|AFHold for patron|AY4AZ"))
                .message());
    assertThat(checkin.ok()).isTrue();
    assertThat(checkin.resensitize()).isTrue();
    assertThat(checkin.alert()).isTrue();
    assertThat(checkin.permanentLocation()).contains("2F");
    assertThat(checkin.sortBin()).contains("3");
    assertThat(checkin.alertType()).contains("01");
  }

  @Test
  void endSessionResponse36_endSession() throws Exception {
    assertThat(
            Sip2EndSessionResponse.from(
                    decode(checksummed("36Y" + Sip2TestSettings.NOW_SIP2 + "AOSHIORI|AA1|AY8AZ"))
                        .message())
                .ended())
        .isTrue();
  }

  @Test
  void requestScResend96_isDecodedWithoutSequenceNumber() throws Exception {
    Sip2Frame frame = decode("96AZFEF6");
    assertThat(frame.message().command()).isEqualTo(Sip2Command.REQUEST_SC_RESEND);
    assertThat(frame.sequenceNumber()).isEmpty();
  }

  @Test
  void lowercaseChecksumIsAccepted() throws Exception {
    assertThat(decode("941AY0AZfdfd").message().command()).isEqualTo(Sip2Command.LOGIN_RESPONSE);
  }

  @Test
  void errorMessagesNeverShowThePatronIdentifier() {
    String garbage = checksummed("12XNNY" + Sip2TestSettings.NOW_SIP2 + "AA0123456789|AY2AZ");
    assertThatThrownBy(
            () ->
                Sip2CirculationResponse.from(
                    decode(garbage).message(), Sip2Command.CHECKOUT_RESPONSE))
        .hasMessageNotContaining("0123456789");
  }

  static String checksummed(String upToAz) {
    byte[] bytes = upToAz.getBytes(StandardCharsets.UTF_8);
    return upToAz + Sip2Checksum.of(bytes, bytes.length);
  }

  static byte[] withChecksum(byte[] upToAz) {
    byte[] checksum = Sip2Checksum.of(upToAz, upToAz.length).getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[upToAz.length + 4];
    System.arraycopy(upToAz, 0, all, 0, upToAz.length);
    System.arraycopy(checksum, 0, all, upToAz.length, 4);
    return all;
  }
}
