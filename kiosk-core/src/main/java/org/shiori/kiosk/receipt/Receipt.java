package org.shiori.kiosk.receipt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a receipt lists: the items lent and their due dates, never a name or card (P-NOTICE-1: the
 * patron asked for it and takes it away).
 *
 * @param language the language the patron reads the screen in
 * @param printedOn the day of the loan
 * @param lines one line per item lent
 */
public record Receipt(String language, LocalDate printedOn, List<Line> lines) {
  public Receipt {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(printedOn, "printedOn");
    lines = List.copyOf(lines);
  }

  /**
   * @param itemId the item's id
   * @param title its title
   * @param dueDate when it is due
   */
  public record Line(String itemId, String title, LocalDate dueDate) {
    public Line {
      Objects.requireNonNull(itemId, "itemId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(dueDate, "dueDate");
    }
  }
}
