package org.shiori.kiosk.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import org.shiori.kiosk.text.PatronDates;
import org.shiori.kiosk.text.PatronTexts;

/**
 * Encodes a receipt for an ESC/POS thermal printer set to its Japanese code page: Shift_JIS with
 * kanji mode on ({@code FS C 1}, {@code FS &}), so kana and kanji print as two-byte characters and
 * ASCII as one. A character Shift_JIS lacks prints as {@code ?} rather than failing the receipt.
 */
public final class EscPosReceipt {
  static final byte ESC = 0x1B;
  static final byte FS = 0x1C;
  static final byte GS = 0x1D;
  static final byte LF = 0x0A;

  /** The printer's Japanese code page. */
  public static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  /** Characters per line on 58 mm paper in kanji mode (two columns each for kanji). */
  static final int RULE_WIDTH = 32;

  private final PatronTexts texts;

  public EscPosReceipt(PatronTexts texts) {
    this.texts = texts;
  }

  public byte[] encode(Receipt receipt) {
    String lang = receipt.language();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {ESC, '@'}); // initialise
    out.writeBytes(new byte[] {FS, 'C', 1}); // kanji code system: Shift_JIS
    out.writeBytes(new byte[] {FS, '&'}); // kanji mode on
    out.writeBytes(new byte[] {ESC, 'a', 1}); // centred
    line(out, texts.text(lang, "library.name"));
    line(out, texts.text(lang, "receipt.heading"));
    line(
        out,
        texts
            .text(lang, "receipt.printedOn")
            .replace("{0}", PatronDates.format(texts, lang, receipt.printedOn())));
    out.writeBytes(new byte[] {ESC, 'a', 0}); // left
    line(out, "-".repeat(RULE_WIDTH));
    for (Receipt.Line item : receipt.lines()) {
      line(out, item.title());
      line(out, "  " + item.itemId());
      line(
          out,
          "  "
              + texts
                  .text(lang, "due")
                  .replace("{0}", PatronDates.format(texts, lang, item.dueDate())));
    }
    line(out, "-".repeat(RULE_WIDTH));
    line(out, texts.text(lang, "receipt.count").replace("{0}", "" + receipt.lines().size()));
    out.writeBytes(new byte[] {FS, '.'}); // kanji mode off
    out.writeBytes(new byte[] {ESC, 'd', 4}); // feed 4 lines past the cutter
    out.writeBytes(new byte[] {GS, 'V', 66, 0}); // feed to the cutter and cut partially
    return out.toByteArray();
  }

  /**
   * The self-test's page: a heading and a line in Japanese and in English (so both the kanji mode
   * and plain ASCII are seen to print), the device id and the day, never anything about a patron.
   */
  public byte[] encodeTestPage(String deviceId, LocalDate day) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {ESC, '@'}); // initialise
    out.writeBytes(new byte[] {FS, 'C', 1}); // kanji code system: Shift_JIS
    out.writeBytes(new byte[] {FS, '&'}); // kanji mode on
    out.writeBytes(new byte[] {ESC, 'a', 1}); // centred
    line(out, texts.text("ja", "printerTest.heading"));
    line(out, texts.text("en", "printerTest.heading"));
    out.writeBytes(new byte[] {ESC, 'a', 0}); // left
    line(out, "-".repeat(RULE_WIDTH));
    line(out, deviceId);
    for (String lang : new String[] {"ja", "en"}) {
      line(
          out,
          texts
              .text(lang, "receipt.printedOn")
              .replace("{0}", PatronDates.format(texts, lang, day)));
    }
    line(out, "-".repeat(RULE_WIDTH));
    line(out, texts.text("ja", "printerTest.line"));
    line(out, texts.text("en", "printerTest.line"));
    out.writeBytes(new byte[] {FS, '.'}); // kanji mode off
    out.writeBytes(new byte[] {ESC, 'd', 4}); // feed 4 lines past the cutter
    out.writeBytes(new byte[] {GS, 'V', 66, 0}); // feed to the cutter and cut partially
    return out.toByteArray();
  }

  private static void line(ByteArrayOutputStream out, String text) {
    out.writeBytes(shiftJis(text));
    out.write(LF);
  }

  static byte[] shiftJis(String text) {
    CharsetEncoder encoder =
        SHIFT_JIS
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(new byte[] {'?'});
    try {
      ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
      byte[] result = new byte[bytes.remaining()];
      bytes.get(result);
      return result;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("replacing encoder failed", e);
    }
  }
}
