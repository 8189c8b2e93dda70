package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.device.store.StoreFixtures.CLOCK;
import static org.shiori.device.store.StoreFixtures.checkout;
import static org.shiori.device.store.StoreFixtures.delta;
import static org.shiori.device.store.StoreFixtures.giveBack;
import static org.shiori.device.store.StoreFixtures.item;
import static org.shiori.device.store.StoreFixtures.patron;
import static org.shiori.device.store.StoreFixtures.patronKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.TransactionType;

/**
 * Random runs of checkouts, returns, acknowledgements and rejections against a plain in-memory
 * model: the outbox, the sequence numbers and the patron counts (R-LIMIT-7) always agree with it.
 */
class LedgerModelTest {
  private static final int ITEMS = 4;
  private static final int PATRONS = 2;
  private static final int CAPACITY = 6;

  enum Op {
    CHECKOUT,
    RETURN,
    ACK_OLDEST,
    REJECT_NEWEST
  }

  @Property(tries = 40)
  void storeAgreesWithTheModel(@ForAll("runs") List<Tuple2<Op, Integer>> run) throws Exception {
    Path dir = Files.createTempDirectory("ledger-model");
    try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"), CAPACITY, CLOCK)) {
      List<org.shiori.circulation.domain.ItemRecord> items = new ArrayList<>();
      for (int i = 0; i < ITEMS; i++) {
        items.add(item("M" + i));
      }
      store.applyItems(delta(1, items, List.of()));
      store.applyPatrons(
          delta(
              1,
              List.of(patron(patronKey(0), Map.of()), patron(patronKey(1), Map.of())),
              List.of()));

      Map<Long, OutboxEntry> outbox = new LinkedHashMap<>();
      Map<String, PatronKey> localLoans = new HashMap<>();
      long lastSequence = 0;
      for (Tuple2<Op, Integer> step : run) {
        String itemId = "M" + (step.get2() % ITEMS);
        PatronKey who = patronKey(step.get2() % PATRONS);
        switch (step.get1()) {
          case CHECKOUT, RETURN -> {
            boolean out = step.get1() == Op.CHECKOUT;
            if (outbox.size() >= CAPACITY) {
              assertThat(attempt(store, out, itemId, who)).isNull();
              continue;
            }
            OutboxEntry e = attempt(store, out, itemId, who);
            assertThat(e.sequence()).isEqualTo(++lastSequence);
            outbox.put(e.sequence(), e);
            if (out) {
              localLoans.put(itemId, who);
            } else {
              localLoans.remove(itemId);
            }
          }
          case ACK_OLDEST -> {
            if (!outbox.isEmpty()) {
              OutboxEntry oldest = outbox.values().iterator().next();
              assertThat(store.acknowledge(oldest.transaction().id())).isTrue();
              outbox.remove(oldest.sequence());
            }
          }
          case REJECT_NEWEST -> {
            if (!outbox.isEmpty()) {
              OutboxEntry newest = new ArrayList<>(outbox.values()).get(outbox.size() - 1);
              assertThat(store.reject(newest.transaction().id(), "TEST")).isTrue();
              outbox.remove(newest.sequence());
              if (newest.transaction().type() == TransactionType.CHECKOUT) {
                localLoans.remove(
                    newest.transaction().itemId(), newest.transaction().patron().get());
              }
            }
          }
        }
        assertThat(store.unacknowledged(100)).containsExactlyElementsOf(outbox.values());
        assertThat(store.pendingCount()).isEqualTo(outbox.size());
        for (int p = 0; p < PATRONS; p++) {
          PatronKey key = patronKey(p);
          long expected = localLoans.values().stream().filter(key::equals).count();
          assertThat(store.find(key).orElseThrow().loansOf("book")).isEqualTo((int) expected);
        }
      }
      assertThat(store.integrityCheck()).isEqualTo("ok");
    } finally {
      deleteTree(dir);
    }
  }

  private static OutboxEntry attempt(SqliteStore store, boolean out, String itemId, PatronKey who)
      throws Exception {
    try {
      return out
          ? store.recordCheckout(checkout(itemId, who))
          : store.recordReturn(giveBack(itemId));
    } catch (OutboxFullException full) {
      return null;
    }
  }

  @Provide
  Arbitrary<List<Tuple2<Op, Integer>>> runs() {
    Arbitrary<Tuple2<Op, Integer>> step =
        Arbitraries.of(Op.class)
            .flatMap(op -> Arbitraries.integers().between(0, 11).map(n -> Tuple.of(op, n)));
    return step.list().ofMinSize(1).ofMaxSize(30);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
