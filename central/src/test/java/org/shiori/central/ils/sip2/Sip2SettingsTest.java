package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class Sip2SettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    Sip2Settings settings = Sip2Settings.builder().host("ils.example").institutionId("LIB").build();
    assertThat(settings.port()).isEqualTo(6001);
    assertThat(settings.poolSize()).isEqualTo(2);
    assertThat(settings.messageTerminator()).isEqualTo(Sip2Terminator.CR);
    assertThat(settings.fieldDelimiter()).isEqualTo('|');
    assertThat(settings.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(settings.errorDetection()).isTrue();
    assertThat(settings.maxResendAttempts()).isEqualTo(3);
    assertThat(settings.maxMessageBytes()).isEqualTo(65536);
    assertThat(settings.tls()).isFalse();
  }

  @Test
  void portOutOfRangeNamesFieldValueAndAllowedRange() {
    assertThatThrownBy(() -> Sip2TestSettings.builder().port(70000).build())
        .isInstanceOfSatisfying(
            Sip2SettingsException.class, e -> assertThat(e.setting()).isEqualTo("port"))
        .hasMessage("SIP2 setting port = 70000 is not allowed: 1 to 65535");
  }

  @Test
  void poolSizeZeroIsRefused() {
    assertThatThrownBy(() -> Sip2TestSettings.builder().poolSize(0).build())
        .hasMessageContaining("poolSize = 0")
        .hasMessageContaining("1 to 32");
  }

  @Test
  void unsupportedCharsetIsRefused() {
    assertThatThrownBy(() -> Sip2TestSettings.builder().charset(Charset.forName("EUC-JP")).build())
        .hasMessageContaining("charset = EUC-JP")
        .hasMessageContaining("UTF-8, Shift_JIS or IBM850");
  }

  @Test
  void ibm850AndShiftJisAreAllowed() {
    assertThat(Sip2TestSettings.builder().charset(Charset.forName("IBM850")).build().charset())
        .isEqualTo(Charset.forName("IBM850"));
    assertThat(Sip2TestSettings.builder().charset(Charset.forName("Shift_JIS")).build().charset())
        .isEqualTo(Charset.forName("Shift_JIS"));
  }

  @Test
  void letterAsFieldDelimiterIsRefused() {
    assertThatThrownBy(() -> Sip2TestSettings.builder().fieldDelimiter('A').build())
        .hasMessageContaining("fieldDelimiter = U+0041");
  }

  @Test
  void zeroTimeoutIsRefused() {
    assertThatThrownBy(() -> Sip2TestSettings.builder().readTimeout(Duration.ZERO).build())
        .hasMessageContaining("readTimeout = PT0S");
  }

  @Test
  void blankInstitutionIsRefused() {
    assertThatThrownBy(() -> Sip2TestSettings.builder().institutionId(" ").build())
        .hasMessageContaining("institutionId");
  }

  @Test
  void passwordHoldingTheDelimiterIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> Sip2TestSettings.builder().login("kiosk", "se|cret").build())
        .hasMessageContaining("loginPassword = (hidden)")
        .hasMessageNotContaining("se|cret");
  }

  @Test
  void toStringHidesPasswords() {
    assertThat(Sip2TestSettings.settings().toString())
        .doesNotContain("secret")
        .doesNotContain("tpw")
        .contains("loginUser=kiosk");
  }

  @Test
  void languageCodeMustBeThreeDigits() {
    assertThatThrownBy(() -> Sip2TestSettings.builder().languageCode("ja").build())
        .hasMessageContaining("languageCode = ja");
  }
}
