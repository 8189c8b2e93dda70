package org.shiori.kiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiori.kiosk.text.PatronTexts;

class EscPosReceiptTest {
  private final EscPosReceipt encoder = new EscPosReceipt(PatronTexts.shipped());

  private static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  @Test
  void aJapaneseReceiptIsShiftJisInKanjiModeByteForByte() {
    Receipt receipt =
        new Receipt(
            "ja",
            LocalDate.of(2026, 12, 15),
            List.of(new Receipt.Line("1201000001", "こころ", LocalDate.of(2026, 12, 29))));
    String rule = " 2d".repeat(32).strip();
    byte[] expected =
        hex(
            "1b 40" // ESC @ initialise
                + " 1c 43 01" // FS C 1: Shift_JIS
                + " 1c 26" // FS &: kanji mode on
                + " 1b 61 01" // ESC a 1: centred
                + " 82 b5 82 a8 82 e8 8e 73 97 a7 90 7d 8f 91 8a d9 0a" // しおり市立図書館
                + " 91 dd 8f 6f 82 cc 8d 54 82 a6 0a" // 貸出の控え
                // 発行日 2026年12月15日（火）
                + " 94 ad 8d 73 93 fa 20 32 30 32 36 94 4e 31 32 8c 8e 31 35 93 fa 81 69 89 ce 81 6a 0a"
                + " 1b 61 00 " // ESC a 0: left
                + rule
                + " 0a"
                + " 82 b1 82 b1 82 eb 0a" // こころ
                + " 20 20 31 32 30 31 30 30 30 30 30 31 0a" // item id
                // 返却期限 2026年12月29日（火）
                + " 20 20 95 d4 8b 70 8a fa 8c c0 20 32 30 32 36 94 4e 31 32 8c 8e 32 39 93 fa 81 69"
                + " 89 ce 81 6a 0a "
                + rule
                + " 0a"
                + " 8c 76 31 8d fb 0a" // 計1冊
                + " 1c 2e" // FS .: kanji mode off
                + " 1b 64 04" // ESC d 4: feed
                + " 1d 56 42 00"); // GS V 66 0: feed and cut
    assertThat(encoder.encode(receipt)).isEqualTo(expected);
  }

  @Test
  void anEnglishReceiptDatesTheWayEnglishReadersDo() {
    Receipt receipt =
        new Receipt(
            "en",
            LocalDate.of(2026, 12, 15),
            List.of(new Receipt.Line("1201000001", "Kokoro", LocalDate.of(2026, 12, 29))));
    String text = new String(encoder.encode(receipt), EscPosReceipt.SHIFT_JIS);
    assertThat(text).contains("Printed Tue 15 Dec 2026").contains("  Due Tue 29 Dec 2026\n");
  }

  @Test
  void aCharacterShiftJisLacksPrintsAsAQuestionMarkInsteadOfFailing() {
    assertThat(EscPosReceipt.shiftJis("A😀B")).isEqualTo(new byte[] {'A', '?', 'B'});
  }
}
