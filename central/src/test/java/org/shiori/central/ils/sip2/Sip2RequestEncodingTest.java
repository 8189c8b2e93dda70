package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shiori.central.ils.IlsCheckin;
import org.shiori.central.ils.IlsCheckout;
import org.shiori.central.ils.IlsRenewal;

/** Each SC request, encoded, against the SIP2 2.00 fixed-field layout, byte for byte. */
class Sip2RequestEncodingTest {
  private static final String BLANK_DATE = " ".repeat(18);
  private static final String CARD = "0123456789";
  private static final String ITEM = "1234567890";

  private final Sip2Settings settings = Sip2TestSettings.settings();
  private final Sip2Requests requests =
      new Sip2Requests(settings, new Sip2Dates(Sip2TestSettings.clock(), settings.timeZone()));
  private final Sip2Codec codec = Sip2Codec.of(settings);

  private String encoded(Sip2Message message, int sequence) {
    return new String(codec.encode(message, sequence), StandardCharsets.UTF_8);
  }

  @Test
  void login93_uidAlgorithm_pwdAlgorithm_CN_CO_CP_AY_AZ() {
    assertThat(encoded(requests.login(), 0)).isEqualTo("9300CNkiosk|COsecret|CPKIOSK1|AY0AZF44C\r");
  }

  @Test
  void scStatus99_statusCode_maxPrintWidth_protocolVersion() {
    assertThat(encoded(requests.scStatus(), 1)).isEqualTo("9900402.00AY1AZFCA4\r");
  }

  @Test
  void checkout11_renewalPolicy_noBlock_transactionDate_nbDueDate_AO_AA_AB_AC() {
    assertThat(encoded(requests.checkout(IlsCheckout.now(CARD, ITEM)), 2))
        .isEqualTo(
            "11NN"
                + Sip2TestSettings.NOW_SIP2
                + BLANK_DATE
                + "AOSHIORI|AA0123456789|AB1234567890|ACtpw|AY2AZECDB\r");
  }

  @Test
  void offlineCheckout11_noBlockY_transactionDateIsWhenItHappened_AD_BO() {
    IlsCheckout offline =
        new IlsCheckout(
            CARD,
            ITEM,
            Optional.of("4321"),
            Optional.of(Instant.parse("2026-11-30T23:00:00Z")),
            true,
            Optional.empty(),
            true);
    assertThat(encoded(requests.checkout(offline), 3))
        .isEqualTo(
            "11NY20261201    080000"
                + BLANK_DATE
                + "AOSHIORI|AA0123456789|AB1234567890|ACtpw|AD4321|BOY|AY3AZE99C\r");
  }

  @Test
  void checkin09_noBlock_transactionDate_returnDate_AP_AO_AB_AC() {
    assertThat(encoded(requests.checkin(IlsCheckin.now(ITEM)), 4))
        .isEqualTo(
            "09N"
                + Sip2TestSettings.NOW_SIP2
                + Sip2TestSettings.NOW_SIP2
                + "APKIOSK1|AOSHIORI|AB1234567890|ACtpw|AY4AZEC78\r");
  }

  @Test
  void offlineCheckin09_returnDateIsWhenItWasReturned() {
    String text =
        encoded(
            requests.checkin(IlsCheckin.offline(ITEM, Instant.parse("2026-11-30T23:00:00Z"))), 4);
    assertThat(text).startsWith("09Y" + Sip2TestSettings.NOW_SIP2 + "20261201    080000AP");
  }

  @Test
  void renew29_thirdPartyAllowed_noBlock_transactionDate_nbDueDate_AO_AA_AB_AC() {
    assertThat(encoded(requests.renew(IlsRenewal.now(CARD, ITEM)), 5))
        .isEqualTo(
            "29NN"
                + Sip2TestSettings.NOW_SIP2
                + BLANK_DATE
                + "AOSHIORI|AA0123456789|AB1234567890|ACtpw|AY5AZECCF\r");
  }

  @Test
  void patronInformation63_language_transactionDate_summaryChargedItems_AO_AA_AC_AD() {
    assertThat(
            encoded(
                requests.patronInformation(
                    CARD, Optional.of("4321"), Sip2Requests.SUMMARY_CHARGED_ITEMS),
                6))
        .isEqualTo(
            "63000"
                + Sip2TestSettings.NOW_SIP2
                + "  Y       AOSHIORI|AA0123456789|ACtpw|AD4321|AY6AZEEE4\r");
  }

  @Test
  void itemInformation17_transactionDate_AO_AB_AC() {
    assertThat(encoded(requests.itemInformation(ITEM), 7))
        .isEqualTo("17" + Sip2TestSettings.NOW_SIP2 + "AOSHIORI|AB1234567890|ACtpw|AY7AZF2B7\r");
  }

  @Test
  void endPatronSession35_transactionDate_AO_AA_AC() {
    assertThat(encoded(requests.endPatronSession(CARD, Optional.empty()), 8))
        .isEqualTo("35" + Sip2TestSettings.NOW_SIP2 + "AOSHIORI|AA0123456789|ACtpw|AY8AZF2B7\r");
  }

  @Test
  void requestAcsResend97_hasChecksumButNoSequenceNumber() {
    assertThat(encoded(Sip2Requests.requestAcsResend(), 9)).isEqualTo("97AZFEF5\r");
  }

  @Test
  void requestScResend96_hasChecksumButNoSequenceNumber() {
    assertThat(encoded(Sip2Requests.requestScResend(), 0)).isEqualTo("96AZFEF6\r");
  }

  @Test
  void withoutErrorDetection_noAYnorAZ() {
    Sip2Codec plain = Sip2Codec.of(Sip2TestSettings.builder().errorDetection(false).build());
    assertThat(new String(plain.encode(requests.scStatus(), 1), StandardCharsets.US_ASCII))
        .isEqualTo("9900402.00\r");
  }

  @Test
  void crlfTerminatorEndsTheMessageWithCrLf() {
    Sip2Codec crlf =
        Sip2Codec.of(Sip2TestSettings.builder().messageTerminator(Sip2Terminator.CRLF).build());
    assertThat(new String(crlf.encode(requests.scStatus(), 1), StandardCharsets.US_ASCII))
        .isEqualTo("9900402.00AY1AZFCA4\r\n");
  }

  @Test
  void otherFieldDelimiterSeparatesTheFields() {
    Sip2Settings caret = Sip2TestSettings.builder().fieldDelimiter('^').build();
    Sip2Requests caretRequests =
        new Sip2Requests(caret, new Sip2Dates(Sip2TestSettings.clock(), caret.timeZone()));
    String text =
        new String(
            Sip2Codec.of(caret).encode(caretRequests.itemInformation(ITEM), 7),
            StandardCharsets.US_ASCII);
    assertThat(text)
        .startsWith("17" + Sip2TestSettings.NOW_SIP2 + "AOSHIORI^AB1234567890^ACtpw^AY7AZ");
  }

  @Test
  void valueHoldingTheDelimiterIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> codec.encode(requests.checkout(IlsCheckout.now("12|34", ITEM)), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AA")
        .hasMessageNotContaining("12|34");
  }

  @Test
  void sequenceNumberOutsideZeroToNineIsRefused() {
    assertThatThrownBy(() -> codec.encode(requests.scStatus(), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messageAndFieldToStringHideCardNumberAndPasswords() {
    Sip2Message checkout = requests.checkout(IlsCheckout.now(CARD, ITEM).withPatronPin("975310"));
    assertThat(checkout.toString() + checkout.fields() + IlsCheckout.now(CARD, ITEM))
        .contains(ITEM)
        .doesNotContain(CARD)
        .doesNotContain("975310")
        .doesNotContain("tpw");
  }
}
