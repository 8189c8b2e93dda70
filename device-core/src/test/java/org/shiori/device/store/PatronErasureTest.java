package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.device.store.StoreFixtures.CLOCK;
import static org.shiori.device.store.StoreFixtures.checkout;
import static org.shiori.device.store.StoreFixtures.delta;
import static org.shiori.device.store.StoreFixtures.giveBack;
import static org.shiori.device.store.StoreFixtures.hold;
import static org.shiori.device.store.StoreFixtures.item;
import static org.shiori.device.store.StoreFixtures.patron;
import static org.shiori.device.store.StoreFixtures.patronKey;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.protocol.SyncBatch;
import org.slf4j.LoggerFactory;

/**
 * Reads the raw bytes of every file the store writes (database, WAL, anything beside them) and the
 * log output, to prove that erased links are gone and not just hidden (P-ERASE-1/2/3).
 */
class PatronErasureTest {
  private static final int PAGE = 4096;
  private static final String ITEM = "ITEM-7Q3Z-4410";

  @TempDir Path dir;
  private final PatronKey key = patronKey(42);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger storeLogger;
  private Level previousLevel;
  private SqliteStore store;

  @BeforeEach
  void open() {
    storeLogger = (Logger) LoggerFactory.getLogger("org.shiori");
    previousLevel = storeLogger.getLevel();
    storeLogger.setLevel(Level.TRACE);
    logs.start();
    storeLogger.addAppender(logs);
    store = SqliteStore.open(dir.resolve("store.db"), 100, CLOCK);
    List<org.shiori.circulation.domain.ItemRecord> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      items.add(item(String.format("FILLER-%05d", i)));
    }
    items.add(item(ITEM));
    store.applyItems(delta(1, items, List.of()));
  }

  @AfterEach
  void close() {
    store.close();
    storeLogger.detachAppender(logs);
    storeLogger.setLevel(previousLevel);
  }

  @Test
  void returnThenAcknowledgementLeavesNoTraceOfTheLoan_P_ERASE_1() throws Exception {
    OutboxEntry out = store.recordCheckout(checkout(ITEM, key));
    assertThat(occurrences(filesBytes(), keyHex()))
        .as("the loan is on file while it lasts")
        .isPositive();

    OutboxEntry back = store.recordReturn(giveBack(ITEM));
    store.acknowledge(out.transaction().id());
    store.acknowledge(back.transaction().id());

    assertNoTraceOfKey();
  }

  @Test
  void acknowledgementThenReturnLeavesNoTraceOfTheLoan_P_ERASE_1() throws Exception {
    OutboxEntry out = store.recordCheckout(checkout(ITEM, key));
    store.acknowledge(out.transaction().id());
    store.recordReturn(giveBack(ITEM));

    assertNoTraceOfKey();
  }

  @Test
  void aCachedPatronIsNeverColocatedWithTheItemAfterReturn_P_ERASE_1_P_ERASE_2() throws Exception {
    store.applyPatrons(delta(1, List.of(patron(key, Map.of())), List.of()));
    store.applyHolds(delta(1, List.of(hold(ITEM, key)), List.of()));
    OutboxEntry out = store.recordCheckout(checkout(ITEM, key));
    store.acknowledge(out.transaction().id());
    store.applyPatrons(delta(2, List.of(patron(key, Map.of("book", 1))), List.of()));
    store.recordReturn(giveBack(ITEM));

    for (Path file : files()) {
      byte[] bytes = Files.readAllBytes(file);
      for (byte[] needle : List.of(keyHex(), key(RAW))) {
        for (int at : positions(bytes, needle)) {
          byte[] window =
              java.util.Arrays.copyOfRange(
                  bytes, Math.max(0, at - PAGE), Math.min(bytes.length, at + PAGE));
          assertThat(occurrences(window, ITEM.getBytes(StandardCharsets.US_ASCII)))
              .as("item id within a page of the patron key in " + file.getFileName())
              .isZero();
        }
      }
    }
    assertThat(store.integrityCheck()).isEqualTo("ok");
    assertNoKeyInLogs();
  }

  @Test
  void erasePatronRemovesEveryByteAboutThem_P_ERASE_3_P_RIGHTS_1() throws Exception {
    store.applyPatrons(delta(1, List.of(patron(key, Map.of("book", 2))), List.of()));
    store.applyHolds(delta(1, List.of(hold("FILLER-00007", key)), List.of()));
    OutboxEntry out = store.recordCheckout(checkout(ITEM, key));

    PatronExport before = store.exportPatron(key);
    assertThat(before.record()).isPresent();
    assertThat(before.localLoans()).containsExactly(ITEM);
    assertThat(before.holds()).containsExactly(hold("FILLER-00007", key));
    assertThat(before.pendingTransactions()).containsExactly(out);

    assertThat(store.erasePatron(key)).isEqualTo(new PatronErasure(1, 1, 1, 1));
    assertThat(store.exportPatron(key).pendingTransactions()).containsExactly(out);
    store.acknowledge(out.transaction().id());

    assertThat(store.exportPatron(key).isEmpty()).isTrue();
    assertThat(store.find(key)).isEmpty();
    assertNoTraceOfKey();
  }

  @Test
  void centralDeletingAPatronErasesThemToo_P_ERASE_3() {
    store.applyPatrons(delta(1, List.of(patron(key, Map.of())), List.of()));
    store.applyHolds(delta(1, List.of(hold("FILLER-00009", key)), List.of()));
    store.applyPatrons(delta(2, List.of(), List.of(key.value())));

    assertThat(store.exportPatron(key).isEmpty()).isTrue();
    assertNoTraceOfKey();
  }

  @Test
  void erasureReachesASnapshotStillBeingTransferred_P_ERASE_3() {
    store.applyPatrons(
        new SyncBatch<>(
            5,
            true,
            0,
            2,
            List.of(patron(key, Map.of()), patron(patronKey(1), Map.of())),
            List.of()));
    store.applyHolds(new SyncBatch<>(5, true, 0, 2, List.of(hold(ITEM, key)), List.of()));
    store.erasePatron(key);
    assertNoTraceOfKey();
    store.applyPatrons(new SyncBatch<>(5, true, 1, 2, List.of(), List.of()));
    assertThat(store.find(key)).isEmpty();
    assertThat(store.find(patronKey(1))).isPresent();
  }

  @Test
  void exportOfAnUnknownKeyIsEmpty_P_RIGHTS_1() {
    assertThat(store.exportPatron(patronKey(99)).isEmpty()).isTrue();
    assertThat(store.erasePatron(patronKey(99))).isEqualTo(new PatronErasure(0, 0, 0, 0));
  }

  private static final boolean RAW = true;

  private void assertNoTraceOfKey() {
    byte[] all = filesBytes();
    assertThat(occurrences(all, keyHex())).as("patron key as hex in the db files").isZero();
    assertThat(occurrences(all, key(RAW))).as("patron key as raw bytes in the db files").isZero();
    assertThat(store.integrityCheck()).isEqualTo("ok");
    assertNoKeyInLogs();
  }

  private void assertNoKeyInLogs() {
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(key.value());
    }
  }

  private byte[] keyHex() {
    return key.value().getBytes(StandardCharsets.US_ASCII);
  }

  private byte[] key(boolean raw) {
    return raw ? HexFormat.of().parseHex(key.value()) : keyHex();
  }

  private List<Path> files() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] filesBytes() {
    try {
      var out = new java.io.ByteArrayOutputStream();
      for (Path file : files()) {
        out.write(Files.readAllBytes(file));
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static int occurrences(byte[] hay, byte[] needle) {
    return positions(hay, needle).size();
  }

  static List<Integer> positions(byte[] hay, byte[] needle) {
    List<Integer> found = new ArrayList<>();
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      found.add(i);
    }
    return found;
  }
}
