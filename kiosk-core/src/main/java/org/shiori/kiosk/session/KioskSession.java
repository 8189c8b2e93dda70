package org.shiori.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.circulation.policy.CheckoutContext;
import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.policy.ReasonCodes;
import org.shiori.circulation.policy.ReturnContext;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.config.SessionSettings;
import org.shiori.device.store.CirculationLedger;
import org.shiori.device.store.ItemCatalog;
import org.shiori.device.store.OutboxFullException;
import org.shiori.device.store.PatronDirectory;
import org.shiori.device.store.StorageFullException;
import org.shiori.device.store.StoreException;
import org.shiori.kiosk.pad.ItemTag;
import org.shiori.kiosk.pad.PadListener;
import org.shiori.kiosk.session.SessionView.PatronNotice;
import org.shiori.kiosk.session.SessionView.PinState;
import org.shiori.kiosk.session.SessionView.PinView;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.RenewalAnswer;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's state machine: return mode until a card is accepted, then checkout mode until the
 * patron finishes, walks away or the next card is read. Every item is decided once per session; for
 * a lent or returned item the transaction is committed to the outbox first and the tag's security
 * state written after, so a power cut can never leave a released tag without a recorded loan.
 *
 * <p>A session ends {@code idle} after its last activity (a card, a PIN key, "extend", a new item
 * on the pad; lifting items is not activity), and {@code abandon} after the pad was emptied. Return
 * results leave the screen {@code returnClear} after the pad was emptied.
 *
 * <p>All work runs on the reader's I/O thread (the executor given), so tag writes never interleave
 * with the pad's inventory cycle; the UI reads an immutable {@link SessionView}.
 */
public final class KioskSession implements PadListener, org.shiori.kiosk.card.CardSink {
  private static final Logger LOG = LoggerFactory.getLogger(KioskSession.class);

  /** Statuses checked in at a kiosk: lost or missing items come back too, to staff (R-RET-4). */
  private static final Set<ItemStatus> RETURNABLE =
      EnumSet.of(ItemStatus.ON_LOAN, ItemStatus.LOST, ItemStatus.MISSING);

  private static final int PIN_MIN_DIGITS = 4;
  private static final int PIN_MAX_DIGITS = 8;

  private final KioskIdentity identity;
  private final SessionParts parts;
  private final Clock clock;
  private final Executor ioThread;
  private final SessionSettings timings;

  private final Map<String, ItemOutcome> outcomes = new LinkedHashMap<>();
  private final List<ItemRecord> lentThisSession = new ArrayList<>();

  /** Tags released for each item lent in this session: a part added later is released too. */
  private final Map<String, Set<TagUid>> releasedTags = new HashMap<>();

  /** Items left on the pad when a session ended: ignored until lifted, never auto-returned. */
  private final Set<String> leftOnPad = new HashSet<>();

  private List<ItemTag> pad = List.of();
  private Optional<PatronSnapshot> patron = Optional.empty();
  private Optional<PatronNotice> notice = Optional.empty();
  private Optional<PinView> pin = Optional.empty();

  /**
   * The card read in this session (and the PIN entered in it), the proof central asks for before it
   * discloses or renews the patron's loans. Memory only; forgotten when the session ends.
   */
  private Optional<PatronProof> proof = Optional.empty();

  private final SessionLoans loans = new SessionLoans();
  private long sessionNumber;
  private Message banner = KioskMessages.WELCOME;
  private Instant lastActivity;
  private boolean padUsed;
  private Optional<Instant> padEmptySince = Optional.empty();

  /** Until when the staff status screen a staff card opened stays open without a touch. */
  private Optional<Instant> staffUntil = Optional.empty();

  private volatile SessionView view;

  /** Told on the I/O thread after every change of the view (the screen pushes it). */
  private final List<java.util.function.Consumer<SessionView>> viewListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * The collaborators of a session.
   *
   * @param rules circulation rules
   * @param catalog item cache
   * @param patrons patron cache
   * @param ledger outbox and cache writes
   * @param security tag security writes
   * @param hasher card number to patron key
   * @param offline offline policy
   * @param committed told after each committed transaction (wakes the publisher)
   * @param holds the holds of a patron, to announce one waiting on the hold shelf
   * @param pins PIN checks and lockouts (R-CARD-2)
   * @param loans the patron's loans and renewals, asked from central on demand
   * @param staffCards the cards that open the staff status screen instead of a session
   */
  public record SessionParts(
      CirculationRules rules,
      ItemCatalog catalog,
      PatronDirectory patrons,
      CirculationLedger ledger,
      TagSecurity security,
      CardHasher hasher,
      OfflineGuard offline,
      Runnable committed,
      Function<PatronKey, List<HoldRecord>> holds,
      PinService pins,
      LoanQueries loans,
      StaffCards staffCards) {}

  public KioskSession(
      KioskIdentity identity,
      SessionParts parts,
      Clock clock,
      Executor ioThread,
      SessionSettings timings) {
    this.identity = identity;
    this.parts = parts;
    this.clock = clock;
    this.ioThread = ioThread;
    this.timings = timings;
    this.lastActivity = clock.instant();
    publish();
  }

  /** A session with the default timings but {@code idleTimeout}. */
  public KioskSession(
      KioskIdentity identity,
      SessionParts parts,
      Clock clock,
      Executor ioThread,
      Duration idleTimeout) {
    this(
        identity,
        parts,
        clock,
        ioThread,
        new SessionSettings(
            (int) idleTimeout.toSeconds(),
            SessionSettings.DEFAULT.extendSeconds(),
            SessionSettings.DEFAULT.abandonSeconds(),
            SessionSettings.DEFAULT.returnClearSeconds(),
            SessionSettings.DEFAULT.incompleteSetReturn()));
  }

  /** Whether a patron's checkout session is open now (the pad is then scanned more often). */
  public boolean checkoutOpen() {
    return view.mode() == SessionView.Mode.CHECKOUT;
  }

  /** The screen's current content; the offline badge follows the link as it changes. */
  public SessionView view() {
    SessionView current = view.at(clock.instant(), timings.extendWindow());
    boolean offline = parts.offline().offline();
    return current.offline() == offline ? current : current.withOffline(offline);
  }

  /**
   * Registers a listener told of every new view, on the I/O thread; it must return quickly. The
   * offline flag is not part of these changes: read {@link #view()} for it.
   */
  public void addViewListener(java.util.function.Consumer<SessionView> listener) {
    viewListeners.add(listener);
  }

  /**
   * A card was read (barcode or RFID card number). The number is hashed for the look-up, never
   * stored or logged, and held in memory until the session ends: it is the proof central asks for
   * before it shows or renews the patron's loans.
   */
  @Override
  public void cardScanned(String cardNumber) {
    ioThread.execute(() -> onCard(cardNumber));
  }

  /** A card source read something that is no card number (a Codabar misread): ask again. */
  @Override
  public void cardMisread() {
    ioThread.execute(
        () -> {
          LOG.info("card misread: the patron is asked to scan again");
          banner = KioskMessages.CARD_UNREADABLE;
          publish();
        });
  }

  /** The patron pressed "finish", or staff reset the kiosk. */
  public void finish() {
    ioThread.execute(this::endSession);
  }

  /** Staff touched the status screen a staff card opened: it stays open for longer. */
  public void staffTouched() {
    ioThread.execute(
        () -> {
          if (staffUntil.isPresent()) {
            staffUntil = Optional.of(clock.instant().plus(parts.staffCards().openFor()));
          }
        });
  }

  /** Staff closed the status screen. */
  public void closeStaff() {
    ioThread.execute(
        () -> {
          if (staffUntil.isPresent()) {
            staffUntil = Optional.empty();
            LOG.info("staff status screen closed");
            publish();
          }
        });
  }

  /** The patron pressed "extend" in the last seconds of the countdown. */
  public void extend() {
    ioThread.execute(
        () -> {
          if (patron.isPresent()) {
            touch();
            publish();
          }
        });
  }

  /**
   * The patron entered a PIN on the screen's keypad. It is passed to the PIN service once and not
   * kept; while a check runs, further entries are ignored.
   */
  public void pinEntered(String digits) {
    ioThread.execute(() -> onPin(digits));
  }

  /**
   * The patron pressed "my loans": central is asked now (online only), and the answer is shown
   * until the patron closes it or the session ends. Offline the list says it is not available.
   */
  public void showMyLoans() {
    ioThread.execute(
        () -> {
          if (patron.isEmpty()) {
            return;
          }
          touch();
          loans.open();
          if (!parts.offline().offline()) {
            fetchLoans(true);
          }
          publish();
        });
  }

  /** The patron closed the loans list. */
  public void closeMyLoans() {
    ioThread.execute(
        () -> {
          if (patron.isPresent()) {
            touch();
          }
          loans.close();
          publish();
        });
  }

  /**
   * The patron asked to renew one of the loans central listed in this session (from the list, or an
   * own loan placed on the pad). Anything else is ignored.
   */
  public void renew(String itemId) {
    ioThread.execute(() -> onRenew(itemId));
  }

  /** Ends idle or abandoned sessions and clears old return results; called every second. */
  public void tick() {
    ioThread.execute(this::checkTimers);
  }

  @Override
  public void padChanged(List<ItemTag> tagsOnPad) {
    ioThread.execute(
        () -> {
          Set<TagUid> before = pad.stream().map(ItemTag::uid).collect(Collectors.toSet());
          pad = List.copyOf(tagsOnPad);
          leftOnPad.retainAll(pad.stream().map(ItemTag::itemId).collect(Collectors.toSet()));
          boolean added = pad.stream().anyMatch(t -> !before.contains(t.uid()));
          if (added && patron.isPresent()) {
            touch();
          }
          if (added && staffUntil.isPresent()) {
            staffUntil = Optional.empty(); // a patron uses the kiosk: the status screen gives way
            LOG.info("staff status screen closed: items were put on the pad");
          }
          if (!pad.isEmpty()) {
            padUsed = true;
            padEmptySince = Optional.empty();
          } else if (padEmptySince.isEmpty()) {
            padEmptySince = Optional.of(clock.instant());
          }
          decidePad();
          publish();
        });
  }

  private void checkTimers() {
    Instant now = clock.instant();
    if (staffUntil.filter(until -> !now.isBefore(until)).isPresent()) {
      staffUntil = Optional.empty();
      LOG.info(
          "staff status screen closed after {} s untouched",
          parts.staffCards().openFor().toSeconds());
      publish();
    }
    if (patron.isPresent()) {
      if (!now.isBefore(lastActivity.plus(timings.idle()))) {
        LOG.info("session ended after {} s without activity", timings.idleSeconds());
        endSession();
        banner = KioskMessages.SESSION_ENDED_IDLE;
        publish();
      } else if (padUsed
          && padEmptySince.filter(t -> !now.isBefore(t.plus(timings.abandon()))).isPresent()) {
        LOG.info("session ended {} s after the pad was emptied", timings.abandonSeconds());
        endSession();
      }
      return;
    }
    if (!outcomes.isEmpty()
        && pad.isEmpty()
        && padEmptySince.filter(t -> !now.isBefore(t.plus(timings.returnClear()))).isPresent()) {
      outcomes.clear();
      banner = KioskMessages.WELCOME;
      publish();
    }
  }

  private void onCard(String cardNumber) {
    String normalized = cardNumber == null ? "" : cardNumber.strip();
    if (!CardNumbers.plausible(normalized)) {
      banner = KioskMessages.CARD_UNREADABLE;
      publish();
      return;
    }
    PatronKey key = parts.hasher().keyOf(normalized);
    if (parts.staffCards().isStaff(key)) {
      onStaffCard();
      return;
    }
    Optional<PatronSnapshot> found = parts.patrons().find(key);
    if (found.isEmpty()) {
      LOG.info("card refused: unknown or invalidated (R-CARD-1)");
      banner = KioskMessages.CARD_UNKNOWN;
      publish();
      return;
    }
    if (patron.isPresent() && patron.get().key().equals(key)) {
      // The same card again (patrons often scan twice): the session and its loans go on.
      touch();
      banner = KioskMessages.CARD_ACCEPTED;
      publish();
      return;
    }
    if (patron.isPresent()) {
      endSession(); // a new card always ends the previous session
    }
    outcomes.clear();
    lentThisSession.clear();
    releasedTags.clear();
    staffUntil = Optional.empty(); // a patron's session never runs behind the status screen
    // Items the previous patron left on the pad stay ignored until lifted: never lent to the next.
    patron = found;
    proof = Optional.of(PatronProof.card(normalized));
    sessionNumber++;
    touch();
    padUsed = !pad.isEmpty();
    padEmptySince = pad.isEmpty() ? Optional.of(clock.instant()) : Optional.empty();
    banner = KioskMessages.CARD_ACCEPTED;
    LOG.info("checkout session opened");
    judgeStanding(found.get(), false);
    decidePad();
    publish();
  }

  /**
   * A staff card opens the status screen while no patron session is open; during a session it is
   * ignored, so a patron's session is neither ended nor hidden. It is never looked up as a patron,
   * starts no session and commits nothing.
   */
  private void onStaffCard() {
    if (patron.isPresent()) {
      LOG.info("staff card during a patron session: ignored");
      return;
    }
    staffUntil = Optional.of(clock.instant().plus(parts.staffCards().openFor()));
    LOG.info("staff card: status screen opened");
    publish();
  }

  /** Says at once what stands in the patron's way, and asks for the PIN when one is needed. */
  private void judgeStanding(PatronSnapshot borrower, boolean pinVerified) {
    Optional<String> refusal =
        PatronStanding.refusal(parts.rules(), borrower, identity.branch(), now(), pinVerified);
    notice = refusal.map(PatronStanding::notice);
    if (refusal.filter(ReasonCodes.PIN_REQUIRED::equals).isPresent()) {
      PinService.Result status = parts.pins().status(borrower.key());
      pin = Optional.of(pinView(status, PinState.REQUIRED));
      if (status.verdict() == PinService.Verdict.LOCKED) {
        notice = Optional.of(new PatronNotice("PIN_LOCKED", KioskMessages.PIN_LOCKED));
      } else if (status.verdict() == PinService.Verdict.UNAVAILABLE) {
        notice = Optional.of(new PatronNotice("PIN_UNAVAILABLE", KioskMessages.PIN_UNAVAILABLE));
      }
      return;
    }
    if (notice.isEmpty() && holdWaiting(borrower.key())) {
      notice = Optional.of(new PatronNotice("HOLD_WAITING", KioskMessages.HOLD_WAITING));
    }
  }

  private boolean holdWaiting(PatronKey key) {
    for (HoldRecord hold : parts.holds().apply(key)) {
      Optional<ItemRecord> item = parts.catalog().find(hold.itemId());
      if (item.filter(i -> i.status() == ItemStatus.ON_HOLD_SHELF).isPresent()
          && hold.pickupBranch().equals(identity.branch())) {
        return true;
      }
    }
    return false;
  }

  private static PinView pinView(PinService.Result result, PinState otherwise) {
    PinState state =
        switch (result.verdict()) {
          case LOCKED -> PinState.LOCKED;
          case UNAVAILABLE -> PinState.UNAVAILABLE;
          case RIGHT -> PinState.VERIFIED;
          case WRONG, OPEN -> otherwise;
        };
    return new PinView(state, result.attemptsLeft());
  }

  private boolean pinPending() {
    return pin.map(p -> p.state() != PinState.VERIFIED).orElse(false);
  }

  private void onPin(String digits) {
    if (patron.isEmpty() || pin.isEmpty()) {
      return;
    }
    PinState state = pin.get().state();
    if (state != PinState.REQUIRED && state != PinState.WRONG) {
      return;
    }
    touch();
    if (digits == null
        || digits.length() < PIN_MIN_DIGITS
        || digits.length() > PIN_MAX_DIGITS
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      banner = KioskMessages.PIN_NEEDED;
      publish();
      return;
    }
    PatronKey key = patron.get().key();
    long session = sessionNumber;
    pin = Optional.of(new PinView(PinState.CHECKING, pin.get().attemptsLeft()));
    publish();
    parts
        .pins()
        .verify(key, digits)
        .whenComplete(
            (result, error) ->
                ioThread.execute(
                    () ->
                        pinChecked(
                            session,
                            digits,
                            error == null
                                ? result
                                : new PinService.Result(PinService.Verdict.UNAVAILABLE, 0))));
  }

  private void pinChecked(long session, String digits, PinService.Result result) {
    if (session != sessionNumber || patron.isEmpty()) {
      return; // the answer came after the session ended
    }
    LOG.info("PIN check: {}", result.verdict());
    switch (result.verdict()) {
      case OPEN -> {
        pin = Optional.of(new PinView(PinState.REQUIRED, result.attemptsLeft()));
      }
      case RIGHT -> {
        pin = Optional.of(new PinView(PinState.VERIFIED, result.attemptsLeft()));
        // Central asks for the PIN with the card where the category needs one (R-CARD-2).
        proof = proof.map(p -> p.withPin(digits));
        banner = KioskMessages.PIN_ACCEPTED;
        judgeStanding(patron.get(), true);
        touch();
        decidePad();
      }
      case WRONG -> {
        pin = Optional.of(new PinView(PinState.WRONG, result.attemptsLeft()));
        banner = KioskMessages.PIN_WRONG;
      }
      case LOCKED -> {
        pin = Optional.of(new PinView(PinState.LOCKED, 0));
        notice = Optional.of(new PatronNotice("PIN_LOCKED", KioskMessages.PIN_LOCKED));
        banner = KioskMessages.PIN_LOCKED;
      }
      case UNAVAILABLE -> {
        pin = Optional.of(new PinView(PinState.UNAVAILABLE, result.attemptsLeft()));
        notice = Optional.of(new PatronNotice("PIN_UNAVAILABLE", KioskMessages.PIN_UNAVAILABLE));
        banner = KioskMessages.PIN_UNAVAILABLE;
      }
    }
    publish();
  }

  private void endSession() {
    if (patron.isPresent()) {
      LOG.info("checkout session closed: {} item(s) lent", lentThisSession.size());
    }
    patron = Optional.empty();
    notice = Optional.empty();
    pin = Optional.empty();
    proof = Optional.empty();
    loans.forget();
    sessionNumber++;
    outcomes.clear();
    lentThisSession.clear();
    releasedTags.clear();
    pad.forEach(tag -> leftOnPad.add(tag.itemId()));
    padUsed = false;
    padEmptySince = pad.isEmpty() ? Optional.of(clock.instant()) : Optional.empty();
    banner = KioskMessages.WELCOME;
    publish();
  }

  private void decidePad() {
    Map<String, List<ItemTag>> byItem =
        pad.stream()
            .collect(
                Collectors.groupingBy(ItemTag::itemId, LinkedHashMap::new, Collectors.toList()));
    if (patron.isEmpty() && !byItem.isEmpty() && !byItem.keySet().containsAll(outcomes.keySet())) {
      outcomes.keySet().retainAll(byItem.keySet()); // a new batch of returns starts
    }
    if (patron.isPresent() && pinPending()) {
      return; // nothing is decided before the PIN is right (R-CARD-2)
    }
    for (Map.Entry<String, List<ItemTag>> entry : byItem.entrySet()) {
      if (leftOnPad.contains(entry.getKey())) {
        continue;
      }
      ItemOutcome previous = outcomes.get(entry.getKey());
      if (previous != null && previous.result() == ItemOutcome.Result.LENT) {
        releaseAddedParts(previous, entry.getValue());
      } else if (previous == null || retryable(previous, entry.getValue())) {
        decideItem(entry.getKey(), entry.getValue()).ifPresent(o -> outcomes.put(o.itemId(), o));
      }
    }
  }

  /**
   * A part of a set lent earlier in this session arrives: its loan is already recorded, so the tag
   * is released like the others and the line shows the new count (R-PART-1).
   */
  private void releaseAddedParts(ItemOutcome lent, List<ItemTag> tags) {
    Set<TagUid> released = releasedTags.computeIfAbsent(lent.itemId(), k -> new HashSet<>());
    List<ItemTag> added = tags.stream().filter(t -> !released.contains(t.uid())).toList();
    if (added.isEmpty()) {
      return;
    }
    if (!writeSecurity(added, false)) {
      outcomes.put(
          lent.itemId(), staff(lent.itemId(), lent.title(), KioskMessages.SECURITY_FAILED));
      return;
    }
    added.forEach(t -> released.add(t.uid()));
    int present = Math.max(lent.partsPresent(), distinctParts(tags));
    Message message =
        present < lent.partsTotal()
            ? KioskMessages.SET_LENT_INCOMPLETE
            : KioskMessages.SET_PART_ADDED;
    LOG.info("item {}: a part added after the loan was released", lent.itemId());
    outcomes.put(lent.itemId(), lent.withParts(lent.partsTotal(), present).withMessage(message));
  }

  /** A set refused or waiting for missing parts is decided again when more of its parts arrive. */
  private static boolean retryable(ItemOutcome previous, List<ItemTag> tags) {
    boolean waiting =
        previous.reasonCode().filter(ReasonCodes.PART_MISSING::equals).isPresent()
            || previous.result() == ItemOutcome.Result.WAITING_FOR_PARTS;
    return waiting && distinctParts(tags) > previous.partsPresent();
  }

  private static int distinctParts(List<ItemTag> tags) {
    return (int) tags.stream().map(ItemTag::part).distinct().count();
  }

  private Optional<ItemOutcome> decideItem(String itemId, List<ItemTag> tags) {
    Optional<ItemRecord> item = parts.catalog().find(itemId);
    if (item.isEmpty()) {
      LOG.warn("item {} is not in the local catalog", itemId);
      return Optional.of(staff(itemId, itemId, KioskMessages.ITEM_UNKNOWN));
    }
    ItemOutcome outcome =
        patron.isPresent() ? checkout(item.get(), tags, patron.get()) : giveBack(item.get(), tags);
    return Optional.of(outcome.withParts(item.get().parts(), distinctParts(tags)));
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(identity.zone()));
  }

  private ItemOutcome checkout(ItemRecord item, List<ItemTag> tags, PatronSnapshot borrower) {
    if (item.status() == ItemStatus.ON_LOAN) {
      Optional<ItemOutcome> own = ownLoan(item);
      if (own.isPresent()) {
        return own.get();
      }
    }
    int partsOnPad = distinctParts(tags);
    Optional<Message> offlineRefusal = parts.offline().refusal(lentThisSession.size());
    if (offlineRefusal.isPresent()) {
      return refused(item, "OFFLINE_LIMIT", offlineRefusal.get());
    }
    boolean pinVerified = pin.map(p -> p.state() == PinState.VERIFIED).orElse(false);
    Decision decision =
        parts
            .rules()
            .checkout(
                new CheckoutContext(
                    borrower,
                    item,
                    partsOnPad,
                    lentThisSession,
                    identity.branch(),
                    now(),
                    pinVerified));
    if (!decision.allowed()) {
      LOG.info(
          "item {} refused: {} ({})",
          item.itemId(),
          decision.reasonCode().orElseThrow(),
          decision.ruleId());
      String reason = decision.reasonCode().orElseThrow();
      ItemOutcome refusal = refused(item, reason, decision.message());
      // The screen names the limit reached in the patron's language (R-LIMIT-1, -3, -6).
      java.util.OptionalInt max = parts.rules().loanLimit(borrower.category(), reason);
      return max.isPresent() ? refusal.withLimit(max.getAsInt()) : refusal;
    }
    Transaction tx =
        new Transaction(
            UUID.randomUUID(),
            TransactionType.CHECKOUT,
            identity.deviceId(),
            identity.branch(),
            item.itemId(),
            Optional.of(borrower.key()),
            clock.instant(),
            decision.dueDate(),
            parts.offline().offline());
    try {
      long seq = parts.ledger().recordCheckout(tx).sequence();
      LOG.info("item {} lent, due {} (tx seq {})", item.itemId(), decision.dueDate().get(), seq);
    } catch (OutboxFullException e) {
      LOG.warn("outbox full, checkout refused: {}", e.getMessage());
      return refused(item, "OUTBOX_FULL", KioskMessages.OUTBOX_FULL);
    } catch (StoreException e) {
      // Rolled back (disk full or a failing store): nothing recorded, so the tag stays secured.
      LOG.warn("store write failed, checkout refused: {}", e.getMessage());
      return refused(item, reasonOf(e), KioskMessages.OUTBOX_FULL);
    }
    parts.committed().run();
    lentThisSession.add(item);
    if (!writeSecurity(tags, false)) {
      return staff(item.itemId(), item.title(), KioskMessages.SECURITY_FAILED);
    }
    releasedTags
        .computeIfAbsent(item.itemId(), k -> new HashSet<>())
        .addAll(tags.stream().map(ItemTag::uid).toList());
    Message message =
        partsOnPad < item.parts() ? KioskMessages.SET_LENT_INCOMPLETE : decision.message();
    return new ItemOutcome(
        item.itemId(),
        item.title(),
        ItemOutcome.Result.LENT,
        decision.dueDate(),
        Optional.empty(),
        Optional.empty(),
        message);
  }

  /**
   * An item on loan on the pad may be the patron's own: online, central's list of the patron's
   * loans says so (asked once per session, on demand) and renewal is offered instead of the
   * refusal. Offline, or when central cannot answer, the rules decide as for any item on loan.
   */
  private Optional<ItemOutcome> ownLoan(ItemRecord item) {
    if (parts.offline().offline() || proof.isEmpty()) {
      return Optional.empty();
    }
    if (loans.fetch() == SessionLoans.Fetch.NONE) {
      fetchLoans(false); // the answer may be in at once (then it is used below)
    }
    switch (loans.fetch()) {
      case NONE, LOADING -> {
        return Optional.of(
            new ItemOutcome(
                item.itemId(),
                item.title(),
                ItemOutcome.Result.CHECKING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                KioskMessages.OWN_LOAN_CHECKING));
      }
      case FAILED -> {
        return Optional.empty();
      }
      default -> {
        return loans.loan(item.itemId()).map(l -> ownLoanOutcome(item.itemId(), l.title()));
      }
    }
  }

  /** The line of an own loan on the pad, as its renewal stands. */
  private ItemOutcome ownLoanOutcome(String itemId, String title) {
    SessionView.LoanLine line = loans.line(itemId).orElseThrow();
    ItemOutcome.Result result =
        switch (line.renewal()) {
          case RENEWED -> ItemOutcome.Result.RENEWED;
          case REFUSED -> ItemOutcome.Result.REFUSED;
          default -> ItemOutcome.Result.OWN_LOAN;
        };
    Message message =
        switch (line.renewal()) {
          case RENEWING -> KioskMessages.RENEWING;
          case RENEWED -> KioskMessages.RENEWED;
          case REFUSED -> KioskMessages.RENEWAL_REFUSED;
          case FAILED -> KioskMessages.RENEWAL_FAILED;
          case NONE -> KioskMessages.OWN_LOAN;
        };
    return new ItemOutcome(
        itemId,
        title,
        result,
        Optional.of(line.dueDate()),
        line.reasonCode(),
        Optional.empty(),
        message);
  }

  /** Asks central for the patron's loans, unless a question is on its way already. */
  private void fetchLoans(boolean again) {
    if (loans.fetch() == SessionLoans.Fetch.LOADING
        || (!again && loans.fetch() != SessionLoans.Fetch.NONE)
        || patron.isEmpty()
        || proof.isEmpty()) {
      return;
    }
    loans.asking();
    long session = sessionNumber;
    parts
        .loans()
        .loans(patron.get().key(), proof.get())
        .whenComplete((list, error) -> ioThread.execute(() -> loansArrived(session, list, error)));
  }

  private void loansArrived(long session, LoanList list, Throwable error) {
    if (session != sessionNumber || patron.isEmpty()) {
      return; // the session ended: the answer is dropped, nothing of it is kept
    }
    if (error != null || list.error().isPresent()) {
      LOG.info("loans not available: {}", error != null ? "no answer" : list.error().orElseThrow());
      loans.failed(error != null ? Optional.empty() : list.error());
    } else {
      loans.arrived(list.loans());
    }
    // Items on loan waiting for the answer are decided now: own loans offer renewal.
    outcomes.values().removeIf(o -> o.result() == ItemOutcome.Result.CHECKING);
    decidePad();
    publish();
  }

  private void onRenew(String itemId) {
    if (patron.isEmpty() || proof.isEmpty() || !loans.renewable(itemId)) {
      return;
    }
    touch();
    if (parts.offline().offline()) {
      loans.renewal(itemId, SessionView.Renewal.FAILED, Optional.of("OFFLINE"));
    } else {
      loans.renewal(itemId, SessionView.Renewal.RENEWING, Optional.empty());
      long session = sessionNumber;
      parts
          .loans()
          .renew(patron.get().key(), proof.get(), itemId)
          .whenComplete(
              (answer, error) -> ioThread.execute(() -> renewed(session, itemId, answer, error)));
    }
    refreshOwnLoanOutcome(itemId);
    publish();
  }

  private void renewed(long session, String itemId, RenewalAnswer answer, Throwable error) {
    if (session != sessionNumber || patron.isEmpty()) {
      return;
    }
    if (error != null) {
      LOG.info("renewal of {}: no answer from central", itemId);
      loans.renewal(itemId, SessionView.Renewal.FAILED, Optional.empty());
    } else {
      LOG.info("renewal of {}: {} {}", itemId, answer.status(), answer.reason().orElse(""));
      switch (answer.status()) {
        case RENEWED -> loans.renewed(itemId, answer.dueDate().orElseThrow());
        case REFUSED -> loans.renewal(itemId, SessionView.Renewal.REFUSED, answer.reason());
        case ERROR -> loans.renewal(itemId, SessionView.Renewal.FAILED, answer.reason());
      }
    }
    refreshOwnLoanOutcome(itemId);
    publish();
  }

  /** An own loan shown on the pad follows its renewal. */
  private void refreshOwnLoanOutcome(String itemId) {
    ItemOutcome shown = outcomes.get(itemId);
    if (shown != null
        && EnumSet.of(
                ItemOutcome.Result.OWN_LOAN, ItemOutcome.Result.RENEWED, ItemOutcome.Result.REFUSED)
            .contains(shown.result())
        && loans.line(itemId).isPresent()) {
      outcomes.put(
          itemId,
          ownLoanOutcome(itemId, shown.title())
              .withParts(shown.partsTotal(), shown.partsPresent()));
    }
  }

  private ItemOutcome giveBack(ItemRecord item, List<ItemTag> tags) {
    if (!RETURNABLE.contains(item.status())) {
      return refused(item, "NOT_ON_LOAN", KioskMessages.NOT_ON_LOAN);
    }
    if (distinctParts(tags) < item.parts()) {
      return incompleteReturn(item, tags);
    }
    Transaction tx =
        new Transaction(
            UUID.randomUUID(),
            TransactionType.RETURN,
            identity.deviceId(),
            identity.branch(),
            item.itemId(),
            Optional.empty(),
            clock.instant(),
            Optional.empty(),
            parts.offline().offline());
    try {
      long seq = parts.ledger().recordReturn(tx).sequence();
      LOG.info("item {} returned (tx seq {})", item.itemId(), seq);
    } catch (OutboxFullException e) {
      LOG.warn("outbox full, return refused: {}", e.getMessage());
      return staff(item.itemId(), item.title(), KioskMessages.OUTBOX_FULL);
    } catch (StoreException e) {
      LOG.warn("store write failed, return refused: {}", e.getMessage());
      return staff(item.itemId(), item.title(), KioskMessages.OUTBOX_FULL);
    }
    parts.committed().run();
    if (!writeSecurity(tags, true)) {
      return staff(item.itemId(), item.title(), KioskMessages.SECURITY_FAILED);
    }
    ReturnRoute route =
        parts.rules().route(new ReturnContext(item, identity.branch(), false, now()));
    return new ItemOutcome(
        item.itemId(),
        item.title(),
        ItemOutcome.Result.RETURNED,
        Optional.empty(),
        Optional.empty(),
        Optional.of(route.bin()),
        route.message());
  }

  /**
   * A set comes back with parts missing: never half-returned. Either nothing is recorded and the
   * patron is asked for the other parts, or the present parts are secured and the item goes to
   * staff, still on loan, by the kiosk's setting.
   */
  private ItemOutcome incompleteReturn(ItemRecord item, List<ItemTag> tags) {
    LOG.info("item {}: returned with {} of {} parts", item.itemId(), tags.size(), item.parts());
    if (timings.incompleteSetReturn() == SessionSettings.IncompleteSetReturn.WAIT) {
      return new ItemOutcome(
          item.itemId(),
          item.title(),
          ItemOutcome.Result.WAITING_FOR_PARTS,
          Optional.empty(),
          Optional.of(ReasonCodes.PART_MISSING),
          Optional.empty(),
          KioskMessages.SET_RETURN_WAITING);
    }
    if (!writeSecurity(tags, true)) {
      return staff(item.itemId(), item.title(), KioskMessages.SECURITY_FAILED);
    }
    return new ItemOutcome(
        item.itemId(),
        item.title(),
        ItemOutcome.Result.NEEDS_STAFF,
        Optional.empty(),
        Optional.of(ReasonCodes.PART_MISSING),
        Optional.of(ReturnRoute.Bin.STAFF),
        KioskMessages.SET_RETURN_STAFF);
  }

  private static String reasonOf(StoreException e) {
    return e instanceof StorageFullException ? "STORAGE_FULL" : "STORE_FAILED";
  }

  private boolean writeSecurity(List<ItemTag> tags, boolean secure) {
    for (ItemTag tag : tags) {
      TagUid uid = tag.uid();
      try {
        if (secure) {
          parts.security().secure(uid);
        } else {
          parts.security().release(uid);
        }
      } catch (ReaderException e) {
        LOG.warn("security write on tag {} failed: {}", uid.hex(), e.toString());
        return false;
      }
    }
    return true;
  }

  private static ItemOutcome refused(ItemRecord item, String reason, Message message) {
    return new ItemOutcome(
        item.itemId(),
        item.title(),
        ItemOutcome.Result.REFUSED,
        Optional.empty(),
        Optional.of(reason),
        Optional.empty(),
        message);
  }

  private static ItemOutcome staff(String itemId, String title, Message message) {
    return new ItemOutcome(
        itemId,
        title,
        ItemOutcome.Result.NEEDS_STAFF,
        Optional.empty(),
        Optional.empty(),
        Optional.of(ReturnRoute.Bin.STAFF),
        message);
  }

  private void touch() {
    lastActivity = clock.instant();
  }

  private void publish() {
    boolean checkout = patron.isPresent();
    int toRemove =
        (int) pad.stream().map(ItemTag::itemId).distinct().filter(leftOnPad::contains).count();
    Optional<PatronNotice> shown =
        toRemove > 0 && checkout
            ? Optional.of(
                new PatronNotice("REMOVE_PREVIOUS_ITEMS", KioskMessages.REMOVE_PREVIOUS_ITEMS))
            : notice;
    view =
        new SessionView(
            checkout ? SessionView.Mode.CHECKOUT : SessionView.Mode.RETURN,
            banner,
            new ArrayList<>(outcomes.values()),
            parts.offline().offline(),
            pad.size(),
            shown,
            pin,
            checkout ? Optional.of(lastActivity.plus(timings.idle())) : Optional.empty(),
            Optional.empty(),
            false,
            toRemove,
            patron.map(p -> parts.rules().offersReceiptByDefault(p.category())).orElse(false),
            checkout ? loans.view(parts.offline().offline()) : Optional.empty(),
            staffUntil.isPresent());
    SessionView published = view;
    for (java.util.function.Consumer<SessionView> listener : viewListeners) {
      try {
        listener.accept(published);
      } catch (RuntimeException e) {
        LOG.warn("a session view listener failed: {}", e.toString());
      }
    }
  }
}
