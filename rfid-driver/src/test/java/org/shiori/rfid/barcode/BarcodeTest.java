package org.shiori.rfid.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarcodeTest {
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "7992739871, MOD10_21_SPLIT, 3",
    "7992739871, MOD10_21_NONSPLIT, 5",
    "12345, MOD16, 0",
    "40156, MOD16, +",
  })
  void checkCharacters(String payload, CodabarCheck scheme, char expected) {
    char start = scheme == CodabarCheck.MOD16 ? 'A' : 'A';
    char stop = 'B';
    assertThat(Codabar.checkCharacter(start, payload, stop, scheme)).isEqualTo(expected);
  }

  @Test
  void validatesScannedSymbolPerSiteScheme() {
    Codabar card = Codabar.parse("a79927398713b");
    assertThat(card.valid(CodabarCheck.MOD10_21_SPLIT)).isTrue();
    assertThat(card.valid(CodabarCheck.MOD10_21_NONSPLIT)).isFalse();
    assertThat(card.payload(CodabarCheck.MOD10_21_SPLIT)).isEqualTo("7992739871");
    assertThat(card.valid(CodabarCheck.NONE)).isTrue();
  }

  @Test
  void mod16RoundTrip() {
    Codabar c = Codabar.withCheck('C', "0012-345", 'D', CodabarCheck.MOD16);
    assertThat(c.valid(CodabarCheck.MOD16)).isTrue();
    assertThat(Codabar.parse(c.symbol())).isEqualTo(c);
    Codabar tampered = new Codabar('C', "0012-346" + c.data().charAt(8), 'D');
    assertThat(tampered.valid(CodabarCheck.MOD16)).isFalse();
  }

  @Test
  void rejectsBadCharacters() {
    assertThatThrownBy(() -> Codabar.parse("A12X4B")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Codabar.parse("112341")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Codabar.parse("A12-4B").valid(CodabarCheck.MOD10_21_SPLIT)).isFalse();
  }

  @Test
  void ean13() {
    assertThat(Ean13.valid("4006381333931")).isTrue();
    assertThat(Ean13.valid("4006381333932")).isFalse();
    assertThat(Ean13.checkDigit("978030640615")).isEqualTo(7);
    assertThat(Ean13.valid("40063813339")).isFalse();
  }

  @Test
  void isbn() {
    assertThat(Isbn.validIsbn10("0-306-40615-2")).isTrue();
    assertThat(Isbn.validIsbn10("0-306-40615-3")).isFalse();
    assertThat(Isbn.isbn10CheckCharacter("080442957")).isEqualTo('X');
    assertThat(Isbn.validIsbn13("978-0-306-40615-7")).isTrue();
    assertThat(Isbn.validIsbn13("4006381333931")).isFalse();
    assertThat(Isbn.toIsbn13("0306406152")).isEqualTo("9780306406157");
    assertThat(Isbn.valid("080442957X")).isTrue();
  }
}
