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
 * @param partsTotal how many parts the item has (1 for ordinary items)
 * @param partsPresent how many of its parts were on the pad
 * @param partsLabel for a set: "3巻中2巻" / "2 of 3 parts"; empty for ordinary items
 * @param limit for a loan-limit refusal ({@code LIMIT_<GROUP>}), the most the patron may have on
 *     loan at once, which the screen's text names ({max})
 */
public record ItemOutcome(
    String itemId,
    String title,
    Result result,
    Optional<LocalDate> dueDate,
    Optional<String> reasonCode,
    Optional<ReturnRoute.Bin> bin,
    Message message,
    int partsTotal,
    int partsPresent,
    Optional<Message> partsLabel,
    Optional<Integer> limit) {

  /** The kinds of outcome. */
  public enum Result {
    LENT,
    REFUSED,
    RETURNED,
    NEEDS_STAFF,
    /** A set being returned with parts missing: nothing recorded until all parts are there. */
    WAITING_FOR_PARTS,
    /** An item on loan, being looked up in the patron's loans at central. */
    CHECKING,
    /** The patron's own loan on the pad: renewal is offered ({@code dueDate} is the current). */
    OWN_LOAN,
    /** The patron's own loan, renewed in this session ({@code dueDate} is the new one). */
    RENEWED
  }

  public ItemOutcome {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(bin, "bin");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(partsLabel, "partsLabel");
    Objects.requireNonNull(limit, "limit");
  }

  /** An outcome of an ordinary one-part item. */
  public ItemOutcome(
      String itemId,
      String title,
      Result result,
      Optional<LocalDate> dueDate,
      Optional<String> reasonCode,
      Optional<ReturnRoute.Bin> bin,
      Message message) {
    this(
        itemId,
        title,
        result,
        dueDate,
        reasonCode,
        bin,
        message,
        1,
        1,
        Optional.empty(),
        Optional.empty());
  }

  /** The same outcome for a set of which {@code present} of {@code total} parts were seen. */
  public ItemOutcome withParts(int total, int present) {
    Optional<Message> label =
        total > 1
            ? Optional.of(
                new Message(total + "巻中" + present + "巻", present + " of " + total + " parts"))
            : Optional.empty();
    return new ItemOutcome(
        itemId, title, result, dueDate, reasonCode, bin, message, total, present, label, limit);
  }

  /** The same refusal naming the limit the patron reached. */
  public ItemOutcome withLimit(int max) {
    return new ItemOutcome(
        itemId,
        title,
        result,
        dueDate,
        reasonCode,
        bin,
        message,
        partsTotal,
        partsPresent,
        partsLabel,
        Optional.of(max));
  }

  /** The same outcome with another message. */
  public ItemOutcome withMessage(Message replacement) {
    return new ItemOutcome(
        itemId,
        title,
        result,
        dueDate,
        reasonCode,
        bin,
        replacement,
        partsTotal,
        partsPresent,
        partsLabel,
        limit);
  }
}
