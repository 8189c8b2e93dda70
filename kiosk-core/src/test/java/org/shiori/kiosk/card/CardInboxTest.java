package org.shiori.kiosk.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiori.config.CardSettings;
import org.shiori.config.CardSettings.CodabarScheme;
import org.shiori.rfid.barcode.Codabar;
import org.shiori.rfid.barcode.CodabarCheck;

/** Codabar (NW-7) checks of scanned cards as configured: start/stop characters and check scheme. */
class CardInboxTest {
  private final RecordingSink sink = new RecordingSink();

  private CardInbox inbox(String start, String stop, CodabarScheme check) {
    return new CardInbox(sink, new CardSettings.Codabar(start, stop, check));
  }

  @Test
  void aValidSymbolIsPassedOnInUpperCase() {
    inbox("A", "B", CodabarScheme.NONE).barcode("a2000000001b");
    assertThat(sink.received).containsExactly("A2000000001B");
  }

  @ParameterizedTest(name = "{0} start {1} stop {2}")
  @CsvSource({
    "C2000000001B, A, B",
    "A2000000001D, A, B",
    "2000000001, ABCD, ABCD",
    "A20000E0001B, ABCD, ABCD",
    "AB, ABCD, ABCD",
  })
  void symbolsOutsideTheConfiguredFramingAreMisreads(String scanned, String start, String stop) {
    inbox(start, stop, CodabarScheme.NONE).barcode(scanned);
    assertThat(sink.received).containsExactly(RecordingSink.MISREAD);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"MOD16", "MOD10_21_SPLIT", "MOD10_21_NONSPLIT"})
  void theCheckCharacterIsVerifiedAndAWrongOneAsksAgain(String scheme) {
    CodabarCheck check = CodabarCheck.valueOf(scheme);
    String good = Codabar.withCheck('A', "200000001", 'B', check).symbol();
    char last = good.charAt(good.length() - 2);
    char wrong = last == '9' ? '0' : (char) (last + 1);
    String bad = good.substring(0, good.length() - 2) + wrong + "B";

    CardInbox inbox = inbox("A", "B", CodabarScheme.valueOf(scheme));
    inbox.barcode(good);
    inbox.barcode(bad);
    assertThat(sink.received).containsExactly(good, RecordingSink.MISREAD);
  }

  @Test
  void chipNumbersSkipTheCodabarChecks() {
    inbox("A", "B", CodabarScheme.MOD16).chip("04A1B2C3D4E5F6");
    assertThat(sink.received).containsExactly("04A1B2C3D4E5F6");
  }
}
