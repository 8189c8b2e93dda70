package org.shiori.kiosk.session;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.domain.ReturnRoute;

/**
 * What happened to one item on the pad, as the patron sees it.
 *
 * @param itemId the item
 * @param title its title (shown only to the patron at the kiosk, P-NOTICE-1)
 * @param result the kind of outcome
 * @param dueDate when lent
 * @param reasonCode when refused
 * @param bin where to put a returned item
 * @param message what the patron reads
 */
public record ItemOutcome(
    String itemId,
    String title,
    Result result,
    Optional<LocalDate> dueDate,
    Optional<String> reasonCode,
    Optional<ReturnRoute.Bin> bin,
    Message message) {

  /** The kinds of outcome. */
  public enum Result {
    LENT,
    REFUSED,
    RETURNED,
    NEEDS_STAFF
  }

  public ItemOutcome {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(bin, "bin");
    Objects.requireNonNull(message, "message");
  }
}
