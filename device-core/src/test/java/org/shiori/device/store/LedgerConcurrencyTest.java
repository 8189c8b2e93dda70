package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.device.store.StoreFixtures.CLOCK;
import static org.shiori.device.store.StoreFixtures.checkout;
import static org.shiori.device.store.StoreFixtures.giveBack;
import static org.shiori.device.store.StoreFixtures.patronKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LedgerConcurrencyTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void sequenceIsGapFreeUnderManyThreadsWhileAcknowledgementsDelete() throws Exception {
    int threads = 8;
    int perThread = 40;
    ConcurrentLinkedQueue<Long> handedOut = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"), 100_000, CLOCK)) {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    String item = "T" + thread + "-" + i;
                    handedOut.add(
                        store.recordCheckout(checkout(item, patronKey(thread))).sequence());
                    handedOut.add(store.recordReturn(giveBack(item)).sequence());
                  }
                  return null;
                }));
      }
      // Central acknowledges concurrently: deletes must never free a number for reuse.
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 50; i++) {
                  for (OutboxEntry e : store.unacknowledged(5)) {
                    store.acknowledge(e.transaction().id());
                  }
                }
                return null;
              }));
      for (Future<?> f : work) {
        f.get(100, TimeUnit.SECONDS);
      }
      long total = 2L * threads * perThread;
      assertThat(handedOut)
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      List<Long> left = store.unacknowledged(100_000).stream().map(OutboxEntry::sequence).toList();
      assertThat(left).isSorted().doesNotHaveDuplicates().allMatch(s -> s >= 1 && s <= total);
      assertThat(store.integrityCheck()).isEqualTo("ok");
    } finally {
      pool.shutdownNow();
    }
  }
}
