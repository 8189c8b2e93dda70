package org.shiori.kiosk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shiori.circulation.domain.Message;

class PatronTextsTest {
  private final PatronTexts texts = PatronTexts.shipped();

  @Test
  void japaneseIsTheDefaultAndEveryLanguageFileHasEveryKey() {
    assertThat(texts.languages()).startsWith("ja").contains("en");
    Map<String, String> ja = texts.texts("ja").orElseThrow();
    for (String language : texts.languages()) {
      assertThat(texts.texts(language).orElseThrow().keySet())
          .as("keys of patron_" + language + ".properties")
          .containsExactlyInAnyOrderElementsOf(ja.keySet());
    }
  }

  @Test
  void datesReadAsEachLanguageWritesThem() {
    LocalDate day = LocalDate.of(2026, 12, 15);
    assertThat(PatronDates.format(texts, "ja", day)).isEqualTo("2026年12月15日（火）");
    assertThat(PatronDates.format(texts, "en", day)).isEqualTo("Tue 15 Dec 2026");
  }

  @Test
  void oneWordPerConceptInJapanese() {
    String all = String.join("\n", texts.texts("ja").orElseThrow().values());
    // docs/glossary.md: 利用者カード, 読取台, 職員, 貸出, 他館行きの箱.
    assertThat(all)
        .doesNotContain("利用カード")
        .doesNotContain("係員")
        .doesNotContain("パッド")
        .doesNotContain("貸出しできません")
        .doesNotContain("回送用")
        .doesNotContain("貸出中の資料");
    // A loan is renewed (貸出延長); a bare 延長 is the session's extra time only.
    texts
        .texts("ja")
        .orElseThrow()
        .forEach(
            (k, v) -> {
              if (v.contains("延長") && !k.equals("action.extend")) {
                assertThat(v).as(k).contains("貸出");
              }
            });
  }

  @Test
  void theKioskTextsAreFoundByTheirKey() {
    Message welcome = texts.message("kiosk.welcome");
    assertThat(texts.keyOf(welcome)).contains("kiosk.welcome");
    assertThat(texts.keyOf(new Message("ほかの文", "other"))).isEmpty();
  }
}
