package org.shiori.kiosk.pad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.codec.TagContent;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.tag.TagUid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the pad: runs the reader's inventory cycle on the reader's own I/O thread, reads the
 * library data of each new tag once, and reports the set of item tags whenever it changes. Between
 * two rounds it pauses, shorter while a checkout session is open (see {@link Cycle}); every other
 * command for the reader (tag reads and writes of the session) runs in that pause, right after the
 * round in progress, so none waits for more than one round.
 */
public final class PadScanner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PadScanner.class);

  /** ISO 28560-3 needs 34 bytes: nine 4-byte blocks of an ICODE SLIX. */
  private static final int DATA_BLOCKS = 9;

  private final TagReader reader;
  private final PadListener listener;
  private final Cycle cycle;
  private final BooleanSupplier sessionOpen;
  private final Map<TagUid, ItemTag> known = new HashMap<>();
  private final Set<TagUid> cardsInField = new java.util.HashSet<>();
  private final java.util.Optional<PatronCards> patronCards;
  private final ScheduledExecutorService io;
  private Set<TagUid> lastReported = Set.of();
  private volatile boolean lastReadFailed;
  private volatile int unreadable;

  /**
   * The pauses between inventory rounds. A new tag waits up to one pause and one round to be seen,
   * so the pause is most of what a patron waits for a row on the screen; each round costs the
   * reader line and the RF field (at 38,400 baud an empty-field FEIG round is about 20 ms: line
   * time, 9.8 ms air time and the 5 ms quiet time, docs/rfid.md).
   *
   * @param idle the pause while no checkout session is open (returns, an idle kiosk)
   * @param inSession the pause while a patron's checkout session is open
   */
  public record Cycle(Duration idle, Duration inSession) {
    public Cycle {
      if (idle.isNegative() || inSession.isNegative()) {
        throw new IllegalArgumentException("a pause cannot be negative");
      }
    }

    /** The same pause at all times. */
    public static Cycle fixed(Duration pause) {
      return new Cycle(pause, pause);
    }

    /** The pause after a round. */
    public Duration pause(boolean sessionOpen) {
      return sessionOpen ? inSession : idle;
    }
  }

  /**
   * @param reader the pad's reader
   * @param listener told of changes, on the reader's I/O thread
   * @param cycle pause between inventory rounds
   * @param io the reader's single I/O thread (see {@link #readerThread()})
   */
  public PadScanner(
      TagReader reader, PadListener listener, Duration cycle, ScheduledExecutorService io) {
    this(reader, listener, Cycle.fixed(cycle), () -> false, io, java.util.Optional.empty());
  }

  /**
   * Patron cards laid on the pad: an ISO 28560-3 tag whose type of usage is {@code usage} (8,
   * "patron card") carries the card number as its primary item identifier. It is reported once per
   * presentation and never counted as an item.
   *
   * @param usage the type of usage that marks a patron card
   * @param cards told the card number, on the reader's I/O thread
   */
  public record PatronCards(int usage, java.util.function.Consumer<String> cards) {}

  /**
   * @param cycle the pauses between inventory rounds
   * @param sessionOpen whether a checkout session is open now (asked after each round, on the
   *     reader's I/O thread)
   * @param patronCards where patron cards on the pad go, when the kiosk reads them there
   */
  public PadScanner(
      TagReader reader,
      PadListener listener,
      Cycle cycle,
      BooleanSupplier sessionOpen,
      ScheduledExecutorService io,
      java.util.Optional<PatronCards> patronCards) {
    this.patronCards = patronCards;
    this.reader = reader;
    this.listener = listener;
    this.cycle = cycle;
    this.sessionOpen = sessionOpen;
    this.io = io;
  }

  /** A single daemon thread for one reader: every command to the reader runs on it. */
  public static ScheduledExecutorService readerThread() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "pad-reader");
          t.setDaemon(true);
          return t;
        });
  }

  public void start() {
    io.execute(this::round);
  }

  /** One round, then the next after the pause the kiosk's state asks for. */
  private void round() {
    scanOnce();
    long pause = cycle.pause(sessionOpen.getAsBoolean()).toMillis();
    try {
      io.schedule(this::round, pause, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // The scanner was closed: no further round.
    }
  }

  /** One inventory round; also called directly by tests that drive the pad step by step. */
  void scanOnce() {
    try {
      List<InventoryEntry> inField = reader.inventory(OptionalInt.empty());
      Set<TagUid> uids = inField.stream().map(InventoryEntry::uid).collect(Collectors.toSet());
      known.keySet().retainAll(uids);
      cardsInField.retainAll(uids);
      int unread = 0;
      for (TagUid uid : uids) {
        if (!known.containsKey(uid) && !cardsInField.contains(uid)) {
          readItemTag(uid);
          unread += known.containsKey(uid) || cardsInField.contains(uid) ? 0 : 1;
        }
      }
      unreadable = unread;
      if (lastReadFailed) {
        LOG.info("reader answers again");
        lastReadFailed = false;
      }
      report();
    } catch (ReaderException e) {
      if (!lastReadFailed) {
        LOG.warn("inventory failed: {}", e.toString());
        lastReadFailed = true;
      }
    } catch (RuntimeException e) {
      LOG.error("pad scan failed", e);
    }
  }

  /** Whether the reader answered its last inventory round (the screen's "reader" state). */
  public boolean readerAnswering() {
    return !lastReadFailed;
  }

  /** Tags in the field whose memory could not be read or decoded in the last round. */
  public int unreadableTags() {
    return unreadable;
  }

  private void readItemTag(TagUid uid) {
    try {
      TagContent content = LibraryTagCodec.decode(reader.readBlocks(uid, 0, DATA_BLOCKS));
      if (isPatronCard(content)) {
        cardsInField.add(uid);
        LOG.info("patron card on the pad");
        patronCards.get().cards().accept(content.itemId());
        return;
      }
      if (content.itemId() == null || content.itemId().isBlank()) {
        LOG.warn("tag {} carries no item id (format {})", uid.hex(), content.format());
        return;
      }
      known.put(uid, new ItemTag(uid, content.itemId(), content.part(), content.parts()));
    } catch (ReaderException e) {
      // The tag may have left the field between inventory and read: try again next cycle.
      LOG.debug("reading tag {} failed: {}", uid.hex(), e.toString());
    }
  }

  private boolean isPatronCard(TagContent content) {
    return patronCards.isPresent()
        && content.format() == org.shiori.rfid.codec.TagFormat.ISO28560_3
        && content.fields().get("usage") instanceof Integer usage
        && usage == patronCards.get().usage()
        && content.itemId() != null
        && !content.itemId().isBlank();
  }

  private void report() {
    if (!known.keySet().equals(lastReported)) {
      lastReported = Set.copyOf(known.keySet());
      listener.padChanged(new ArrayList<>(known.values()));
    }
  }

  @Override
  public void close() {
    io.shutdownNow();
    try {
      io.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
