package org.shiori.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.shiori.circulation.domain.Decision;
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
import org.shiori.circulation.policy.ReturnContext;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.store.CirculationLedger;
import org.shiori.device.store.ItemCatalog;
import org.shiori.device.store.OutboxFullException;
import org.shiori.device.store.PatronDirectory;
import org.shiori.device.store.StorageFullException;
import org.shiori.device.store.StoreException;
import org.shiori.kiosk.pad.ItemTag;
import org.shiori.kiosk.pad.PadListener;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's state machine: return mode until a card is accepted, then checkout mode until the
 * patron finishes or walks away. Every item is decided once per session; for a lent or returned
 * item the transaction is committed to the outbox first and the tag's security state written after,
 * so a power cut can never leave a released tag without a recorded loan.
 *
 * <p>All work runs on the reader's I/O thread (the executor given), so tag writes never interleave
 * with the pad's inventory cycle; the UI reads an immutable {@link SessionView}.
 */
public final class KioskSession implements PadListener {
  private static final Logger LOG = LoggerFactory.getLogger(KioskSession.class);

  /** Statuses checked in at a kiosk: lost or missing items come back too, to staff (R-RET-4). */
  private static final java.util.Set<ItemStatus> RETURNABLE =
      java.util.EnumSet.of(ItemStatus.ON_LOAN, ItemStatus.LOST, ItemStatus.MISSING);

  private final KioskIdentity identity;
  private final SessionParts parts;
  private final Clock clock;
  private final Executor ioThread;
  private final Duration idleTimeout;

  private final Map<String, ItemOutcome> outcomes = new LinkedHashMap<>();
  private final List<ItemRecord> lentThisSession = new ArrayList<>();

  /** Items left on the pad when a session ended: ignored until lifted, never auto-returned. */
  private final java.util.Set<String> leftOnPad = new java.util.HashSet<>();

  private List<ItemTag> pad = List.of();
  private Optional<PatronSnapshot> patron = Optional.empty();
  private Message banner = KioskMessages.WELCOME;
  private Instant lastActivity;
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
   */
  public record SessionParts(
      CirculationRules rules,
      ItemCatalog catalog,
      PatronDirectory patrons,
      CirculationLedger ledger,
      TagSecurity security,
      CardHasher hasher,
      OfflineGuard offline,
      Runnable committed) {}

  public KioskSession(
      KioskIdentity identity,
      SessionParts parts,
      Clock clock,
      Executor ioThread,
      Duration idleTimeout) {
    this.identity = identity;
    this.parts = parts;
    this.clock = clock;
    this.ioThread = ioThread;
    this.idleTimeout = idleTimeout;
    this.lastActivity = clock.instant();
    publish();
  }

  /** The screen's current content; the offline badge follows the link as it changes. */
  public SessionView view() {
    SessionView current = view;
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

  /** A card was scanned (barcode or RFID card number). The number is hashed and forgotten. */
  public void cardScanned(String cardNumber) {
    ioThread.execute(() -> onCard(cardNumber));
  }

  /** The patron pressed "finish", or staff reset the kiosk. */
  public void finish() {
    ioThread.execute(this::endSession);
  }

  /** Ends an abandoned session; called periodically. */
  public void tick() {
    ioThread.execute(
        () -> {
          if (patron.isPresent()
              && Duration.between(lastActivity, clock.instant()).compareTo(idleTimeout) > 0) {
            LOG.info("session ended after {} s without activity", idleTimeout.toSeconds());
            endSession();
          }
        });
  }

  @Override
  public void padChanged(List<ItemTag> tagsOnPad) {
    ioThread.execute(
        () -> {
          pad = List.copyOf(tagsOnPad);
          leftOnPad.retainAll(pad.stream().map(ItemTag::itemId).collect(Collectors.toSet()));
          touch();
          decidePad();
          publish();
        });
  }

  private void onCard(String cardNumber) {
    touch();
    String normalized = cardNumber == null ? "" : cardNumber.strip();
    if (!CardNumbers.plausible(normalized)) {
      banner = KioskMessages.CARD_UNREADABLE;
      publish();
      return;
    }
    PatronKey key = parts.hasher().keyOf(normalized);
    Optional<PatronSnapshot> found = parts.patrons().find(key);
    if (found.isEmpty()) {
      LOG.info("card refused: unknown or invalidated (R-CARD-1)");
      banner = KioskMessages.CARD_UNKNOWN;
      publish();
      return;
    }
    if (patron.isPresent() && patron.get().key().equals(key)) {
      // The same card again (patrons often scan twice): the session and its loans go on.
      banner = KioskMessages.CARD_ACCEPTED;
      publish();
      return;
    }
    if (patron.isPresent()) {
      endSession();
    }
    outcomes.clear();
    lentThisSession.clear();
    // Items the previous patron left on the pad stay ignored until lifted: never lent to the next.
    patron = found;
    banner = KioskMessages.CARD_ACCEPTED;
    LOG.info("checkout session opened");
    decidePad();
    publish();
  }

  private void endSession() {
    if (patron.isPresent()) {
      LOG.info("checkout session closed: {} item(s) lent", lentThisSession.size());
    }
    patron = Optional.empty();
    outcomes.clear();
    lentThisSession.clear();
    pad.forEach(tag -> leftOnPad.add(tag.itemId()));
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
    for (Map.Entry<String, List<ItemTag>> entry : byItem.entrySet()) {
      if (leftOnPad.contains(entry.getKey())) {
        continue;
      }
      ItemOutcome previous = outcomes.get(entry.getKey());
      if (previous == null || retryable(previous)) {
        decideItem(entry.getKey(), entry.getValue()).ifPresent(o -> outcomes.put(o.itemId(), o));
      }
    }
  }

  /** A set refused for missing parts is decided again when more of its parts arrive. */
  private static boolean retryable(ItemOutcome previous) {
    return previous.reasonCode().filter("PART_MISSING"::equals).isPresent();
  }

  private Optional<ItemOutcome> decideItem(String itemId, List<ItemTag> tags) {
    Optional<ItemRecord> item = parts.catalog().find(itemId);
    if (item.isEmpty()) {
      LOG.warn("item {} is not in the local catalog", itemId);
      return Optional.of(staff(itemId, itemId, KioskMessages.ITEM_UNKNOWN));
    }
    return Optional.of(
        patron.isPresent() ? checkout(item.get(), tags, patron.get()) : giveBack(item.get(), tags));
  }

  private ItemOutcome checkout(ItemRecord item, List<ItemTag> tags, PatronSnapshot borrower) {
    int partsOnPad = (int) tags.stream().map(ItemTag::part).distinct().count();
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(identity.zone()));
    Optional<Message> offlineRefusal = parts.offline().refusal(lentThisSession.size());
    if (offlineRefusal.isPresent()) {
      return refused(item, "OFFLINE_LIMIT", offlineRefusal.get());
    }
    Decision decision =
        parts
            .rules()
            .checkout(
                new CheckoutContext(
                    borrower, item, partsOnPad, lentThisSession, identity.branch(), now));
    if (!decision.allowed()) {
      LOG.info(
          "item {} refused: {} ({})",
          item.itemId(),
          decision.reasonCode().orElseThrow(),
          decision.ruleId());
      return refused(item, decision.reasonCode().orElseThrow(), decision.message());
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
    return new ItemOutcome(
        item.itemId(),
        item.title(),
        ItemOutcome.Result.LENT,
        decision.dueDate(),
        Optional.empty(),
        Optional.empty(),
        decision.message());
  }

  private ItemOutcome giveBack(ItemRecord item, List<ItemTag> tags) {
    if (!RETURNABLE.contains(item.status())) {
      return refused(item, "NOT_ON_LOAN", KioskMessages.NOT_ON_LOAN);
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
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(identity.zone()));
    ReturnRoute route = parts.rules().route(new ReturnContext(item, identity.branch(), false, now));
    return new ItemOutcome(
        item.itemId(),
        item.title(),
        ItemOutcome.Result.RETURNED,
        Optional.empty(),
        Optional.empty(),
        Optional.of(route.bin()),
        route.message());
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
    SessionView.Mode mode =
        patron.isPresent() ? SessionView.Mode.CHECKOUT : SessionView.Mode.RETURN;
    view =
        new SessionView(
            mode,
            banner,
            new ArrayList<>(outcomes.values()),
            parts.offline().offline(),
            pad.size(),
            patron.map(p -> parts.rules().offersReceiptByDefault(p.category())).orElse(false));
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
