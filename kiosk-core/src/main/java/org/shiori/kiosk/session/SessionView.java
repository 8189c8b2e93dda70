package org.shiori.kiosk.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shiori.circulation.domain.Message;

/**
 * What the patron screen shows: never a name, never a card number (P-SCREEN-1). Serialized as the
 * JSON of {@code GET /api/session} (docs/patron-screen.md).
 *
 * @param mode return mode (no card) or checkout mode (a card was accepted)
 * @param banner the current instruction or notice
 * @param outcomes one line per item handled in this session, in order
 * @param offline whether the kiosk is working without the central system
 * @param tagsOnPad how many item tags the reader sees on the pad now
 * @param notice the patron's state at the card (blocked, expired, PIN needed, hold waiting ...)
 * @param pin the PIN entry, when the patron's category needs one
 * @param idleDeadline when the checkout session ends without further activity
 * @param secondsLeft whole seconds until {@code idleDeadline}, at the time of the request
 * @param extendable whether {@code POST /api/extend} would extend the session now
 * @param itemsToRemove items left on the pad by the previous patron: to be lifted, never decided
 * @param receiptOffered whether the screen offers a receipt by default (groups, R-GROUP-2)
 * @param myLoans the patron's loans as central gave them on demand, while they are shown; never
 *     stored, gone when the session ends
 * @param staffOpen whether a staff card opened the staff status screen and it is open now (no
 *     patron session is open then)
 */
public record SessionView(
    Mode mode,
    Message banner,
    List<ItemOutcome> outcomes,
    boolean offline,
    int tagsOnPad,
    Optional<PatronNotice> notice,
    Optional<PinView> pin,
    Optional<Instant> idleDeadline,
    Optional<Long> secondsLeft,
    boolean extendable,
    int itemsToRemove,
    boolean receiptOffered,
    Optional<MyLoans> myLoans,
    boolean staffOpen) {

  /** Kiosk modes. */
  public enum Mode {
    RETURN,
    CHECKOUT
  }

  public SessionView {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(banner, "banner");
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(pin, "pin");
    Objects.requireNonNull(idleDeadline, "idleDeadline");
    Objects.requireNonNull(secondsLeft, "secondsLeft");
    Objects.requireNonNull(myLoans, "myLoans");
  }

  /** A view without a session clock: return mode, nothing to count down. */
  public SessionView(
      Mode mode, Message banner, List<ItemOutcome> outcomes, boolean offline, int tagsOnPad) {
    this(
        mode,
        banner,
        outcomes,
        offline,
        tagsOnPad,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        0,
        false,
        Optional.empty(),
        false);
  }

  public SessionView withOffline(boolean nowOffline) {
    return new SessionView(
        mode,
        banner,
        outcomes,
        nowOffline,
        tagsOnPad,
        notice,
        pin,
        idleDeadline,
        secondsLeft,
        extendable,
        itemsToRemove,
        receiptOffered,
        myLoans,
        staffOpen);
  }

  /** The countdown as seen at {@code now}: seconds left, and whether extending is offered. */
  SessionView at(Instant now, Duration extendWindow) {
    if (idleDeadline.isEmpty()) {
      return this;
    }
    Duration left = Duration.between(now, idleDeadline.get());
    long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
    return new SessionView(
        mode,
        banner,
        outcomes,
        offline,
        tagsOnPad,
        notice,
        pin,
        idleDeadline,
        Optional.of(seconds),
        left.compareTo(extendWindow) <= 0,
        itemsToRemove,
        receiptOffered,
        myLoans,
        staffOpen);
  }

  /**
   * The patron's standing, said at once when the card is read, in neutral words.
   *
   * @param key a stable key the screen may use ({@code STAFF_BLOCK}, {@code CARD_EXPIRED}, {@code
   *     OVERDUE_BLOCK}, {@code GROUP_NOT_CONFIRMED}, {@code PIN_REQUIRED}, {@code PIN_LOCKED},
   *     {@code HOLD_WAITING}, {@code REMOVE_PREVIOUS_ITEMS} ...)
   * @param message what the patron reads, with what to do next
   */
  public record PatronNotice(String key, Message message) {
    public PatronNotice {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The PIN entry.
   *
   * @param state where the entry stands
   * @param attemptsLeft wrong entries left before the card is locked at this kiosk
   */
  public record PinView(PinState state, int attemptsLeft) {
    public PinView {
      Objects.requireNonNull(state, "state");
    }
  }

  /** States of the PIN entry. */
  public enum PinState {
    /** The patron is asked for the PIN; items on the pad wait. */
    REQUIRED,
    /** The PIN is being checked. */
    CHECKING,
    /** The last PIN was wrong; the patron may try again. */
    WRONG,
    /** The PIN was right: items are decided. */
    VERIFIED,
    /** Too many wrong PINs: the card borrows nothing at this kiosk for a while. */
    LOCKED,
    /** The PIN cannot be checked now (central unreachable, offline policy refuses). */
    UNAVAILABLE
  }

  /**
   * The patron's loans, asked from central when the patron pressed "my loans" (online only).
   *
   * @param state where the question stands
   * @param reason central's reason code when it could not answer
   * @param loans the loans, for {@code SHOWN}: titles and due dates, never a name
   */
  public record MyLoans(LoansState state, Optional<String> reason, List<LoanLine> loans) {
    public MyLoans {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(reason, "reason");
      loans = List.copyOf(loans);
    }
  }

  /** States of the loans list. */
  public enum LoansState {
    /** Central is being asked. */
    LOADING,
    /** Central answered. */
    SHOWN,
    /** The kiosk is offline: loans and renewals are not available. */
    OFFLINE,
    /** Central did not answer in time or could not answer. */
    FAILED
  }

  /**
   * One loan of the patron, with the renewal asked for it in this session.
   *
   * @param itemId the item
   * @param title its title (shown to the patron only, P-NOTICE-1)
   * @param dueDate the due date, the new one after a renewal
   * @param renewal where a renewal of it stands
   * @param reasonCode why a renewal was refused
   */
  public record LoanLine(
      String itemId,
      String title,
      java.time.LocalDate dueDate,
      Renewal renewal,
      Optional<String> reasonCode) {
    public LoanLine {
      Objects.requireNonNull(itemId, "itemId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(dueDate, "dueDate");
      Objects.requireNonNull(renewal, "renewal");
      Objects.requireNonNull(reasonCode, "reasonCode");
    }
  }

  /** Where a renewal stands. */
  public enum Renewal {
    /** Not asked in this session. */
    NONE,
    /** Central is being asked. */
    RENEWING,
    /** Renewed: the due date is the new one. */
    RENEWED,
    /** The rules or the library system said no: {@code reasonCode} says why. */
    REFUSED,
    /** Central could not be asked or could not decide. */
    FAILED
  }
}
