package org.shiori.kiosk.card;

import java.util.Locale;
import org.shiori.config.CardSettings;
import org.shiori.rfid.barcode.Codabar;
import org.shiori.rfid.barcode.CodabarCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry of every card source. Barcodes are checked as Codabar (NW-7) with the configured
 * start/stop characters and check scheme; numbers read from a chip (RFID patron card, PC/SC UID)
 * are passed on as read. No number is ever logged.
 */
public final class CardInbox {
  private static final Logger LOG = LoggerFactory.getLogger(CardInbox.class);

  private final CardSink sink;
  private final CardSettings.Codabar rule;
  private final CodabarCheck check;

  public CardInbox(CardSink sink, CardSettings.Codabar rule) {
    this.sink = sink;
    this.rule = rule;
    this.check = CodabarCheck.valueOf(rule.check().name());
  }

  /** A symbol from a barcode scanner, start and stop characters included. */
  public void barcode(String scanned) {
    if (acceptable(scanned)) {
      sink.cardScanned(scanned.strip().toUpperCase(Locale.ROOT));
    } else {
      LOG.info("barcode of {} characters is no valid card symbol", scanned.length());
      sink.cardMisread();
    }
  }

  /** A card device read something unusable (a line without the configured prefix). */
  public void misread() {
    LOG.info("card read without the configured framing");
    sink.cardMisread();
  }

  /** A card number from a chip (pad patron card, contactless card). */
  public void chip(String number) {
    sink.cardScanned(number);
  }

  /** Whether {@code scanned} is a Codabar symbol the library's cards can carry. */
  boolean acceptable(String scanned) {
    Codabar symbol;
    try {
      symbol = Codabar.parse(scanned);
    } catch (IllegalArgumentException notCodabar) {
      return false;
    }
    return rule.start().indexOf(symbol.start()) >= 0
        && rule.stop().indexOf(symbol.stop()) >= 0
        && symbol.valid(check);
  }
}
