package org.shiori.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.device.store.OutboxEntry;
import org.shiori.device.store.SqliteStore;
import org.shiori.protocol.SyncBatch;

/**
 * Throughput harness for the device store, each figure next to a plain-SQLite baseline measured in
 * the same run on the same disk:
 *
 * <ol>
 *   <li>outbox commit rate ({@code recordCheckout}/s, synchronous=FULL) vs single-row INSERT
 *       commits on a bare WAL + synchronous=FULL connection;
 *   <li>privacy checkpoint cost: a return after the checkout was acknowledged (WAL truncated) vs a
 *       return while the checkout is still pending (no checkpoint);
 *   <li>snapshot apply of 1,000,000 items + 200,000 patrons vs {@code sqlite3 .import} of the same
 *       rows as CSV into the same schema.
 * </ol>
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.shiori.bench.store.StoreBench [workDir]
 * [commits] [items] [patrons]}. Timings are wall clock ({@code System.nanoTime}); this is a
 * harness, not a JMH benchmark, because each measurement is one long-running durable operation.
 */
public final class StoreBench {
  private static final Instant AT = Instant.parse("2026-11-20T01:30:00Z");
  private static final int CHUNK = 50_000;

  private final Path work;

  private StoreBench(Path work) {
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "bench/results/store-work");
    int commits = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int items = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    int patrons = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
    StoreBench bench = new StoreBench(work);
    bench.commitRates(commits);
    bench.privacyCheckpointCost(commits / 4);
    bench.snapshotRates(items, patrons);
    bench.clean();
  }

  // ---- 1. outbox commit rate ----

  /**
   * The baseline and the store commit in alternation, one commit each per step, on the same disk:
   * on a shared machine the disk's latency swings by several times within seconds, and alternating
   * single commits exposes both to the same swings. Rounds after one warm-up; the result is the
   * median of the per-round ratios.
   */
  private void commitRates(int n) throws Exception {
    int rounds = 5;
    interleavedRound(n / 4, -1);
    double[] raw = new double[rounds];
    double[] store = new double[rounds];
    double[] ratio = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      double[] rates = interleavedRound(n, round);
      raw[round] = rates[0];
      store[round] = rates[1];
      ratio[round] = store[round] / raw[round];
      System.out.printf(
          Locale.ROOT,
          "round %d: raw %.0f commits/s, recordCheckout %.0f/s (%.0f%%)%n",
          round,
          raw[round],
          store[round],
          100 * ratio[round]);
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT commit: median raw single-row FULL %.0f/s, median recordCheckout %.0f/s,"
            + " median ratio %.0f%% (goal >= 80%%)%n",
        median(raw),
        median(store),
        100 * median(ratio));
  }

  /** Returns {raw commits/s, recordCheckout/s}. */
  private double[] interleavedRound(int n, int round) throws Exception {
    Path rawDb = fresh("raw-" + round + ".db");
    Path storeDb = fresh("store-" + round + ".db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + rawDb);
        SqliteStore store = SqliteStore.open(storeDb, Integer.MAX_VALUE, Clock.systemUTC())) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA locking_mode = EXCLUSIVE");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
        s.execute(
            "CREATE TABLE t (seq INTEGER PRIMARY KEY, id TEXT, item TEXT, patron TEXT, due TEXT,"
                + " at TEXT)");
      }
      seedCatalog(store, n);
      long rawNanos = 0;
      long storeNanos = 0;
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO t (id, item, patron, due, at) VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < n; i++) {
          long t0 = System.nanoTime();
          insert.setString(1, UUID.randomUUID().toString());
          insert.setString(2, itemId(i));
          insert.setString(3, patronKey(i % 1000).value());
          insert.setString(4, "2026-12-04");
          insert.setString(5, AT.toString());
          insert.executeUpdate();
          long t1 = System.nanoTime();
          store.recordCheckout(checkout(i));
          long t2 = System.nanoTime();
          rawNanos += t1 - t0;
          storeNanos += t2 - t1;
        }
      }
      return new double[] {n / (rawNanos / 1e9), n / (storeNanos / 1e9)};
    }
  }

  // ---- 2. privacy checkpoint ----

  private void privacyCheckpointCost(int n) throws Exception {
    Path db = fresh("privacy.db");
    try (SqliteStore store = SqliteStore.open(db, Integer.MAX_VALUE, Clock.systemUTC())) {
      seedCatalog(store, 2 * n);
      List<OutboxEntry> acked = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        OutboxEntry e = store.recordCheckout(checkout(i));
        store.acknowledge(e.transaction().id());
        acked.add(e);
      }
      for (int i = n; i < 2 * n; i++) {
        store.recordCheckout(checkout(i));
      }
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        store.recordReturn(giveBack(i));
      }
      double withCheckpoint = seconds(start) * 1000 / n;
      start = System.nanoTime();
      for (int i = n; i < 2 * n; i++) {
        store.recordReturn(giveBack(i));
      }
      double without = seconds(start) * 1000 / n;
      System.out.printf(
          Locale.ROOT,
          "RESULT privacy: return with WAL truncate %.2f ms, return without checkpoint %.2f ms"
              + " (checkpoint cost %.2f ms)%n",
          withCheckpoint,
          without,
          withCheckpoint - without);
    }
  }

  // ---- 3. snapshot apply ----

  private void snapshotRates(int items, int patrons) throws Exception {
    Path db = fresh("snapshot.db");
    long itemNanos;
    long patronNanos;
    List<String> ddl;
    try (SqliteStore store = SqliteStore.open(db, 1000, Clock.systemUTC())) {
      itemNanos = applyItemsSnapshot(store, items);
      patronNanos = applyPatronsSnapshot(store, patrons);
      if (!"ok".equals(store.integrityCheck())) {
        throw new IllegalStateException("integrity check failed after the snapshot");
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT sql FROM sqlite_master WHERE name IN ('items', 'patrons')"
                    + " ORDER BY name")) {
      ddl = new ArrayList<>();
      while (rs.next()) {
        ddl.add(rs.getString(1) + ";");
      }
    }
    double storeRate = (items + patrons) / ((itemNanos + patronNanos) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "store snapshot: items %.0f rows/s, patrons %.0f rows/s%n",
        items / (itemNanos / 1e9),
        patrons / (patronNanos / 1e9));

    Path itemsCsv = work.resolve("items.csv");
    Path patronsCsv = work.resolve("patrons.csv");
    writeItemsCsv(itemsCsv, items);
    writePatronsCsv(patronsCsv, patrons);
    Path importDb = fresh("import.db");
    String script =
        "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\nPRAGMA secure_delete = ON;\n"
            + String.join("\n", ddl)
            + "\n.import --csv "
            + itemsCsv
            + " items\n.import --csv "
            + patronsCsv
            + " patrons\n";
    Path scriptFile = work.resolve("import.sql");
    Files.writeString(scriptFile, script);
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder("sqlite3", importDb.toString())
            .redirectInput(scriptFile.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    double importSeconds = seconds(start);
    if (exit != 0 || output.contains("rror")) {
      throw new IllegalStateException("sqlite3 .import failed: " + output);
    }
    double importRate = (items + patrons) / importSeconds;
    System.out.printf(
        Locale.ROOT,
        "RESULT snapshot: %d items + %d patrons: store %.1f s (%.0f rows/s), sqlite3 .import"
            + " %.1f s (%.0f rows/s), ratio %.0f%% (goal >= 50%%)%n",
        items,
        patrons,
        (itemNanos + patronNanos) / 1e9,
        storeRate,
        importSeconds,
        importRate,
        100 * storeRate / importRate);
  }

  private long applyItemsSnapshot(SqliteStore store, int total) {
    long nanos = 0;
    int chunks = (total + CHUNK - 1) / CHUNK;
    for (int c = 0; c < chunks; c++) {
      List<ItemRecord> rows = new ArrayList<>(CHUNK);
      for (int i = c * CHUNK; i < Math.min(total, (c + 1) * CHUNK); i++) {
        rows.add(item(i));
      }
      SyncBatch<ItemRecord> batch = new SyncBatch<>(1, true, c, chunks, rows, List.of());
      long start = System.nanoTime();
      store.applyItems(batch);
      nanos += System.nanoTime() - start;
    }
    return nanos;
  }

  private long applyPatronsSnapshot(SqliteStore store, int total) {
    long nanos = 0;
    int chunks = (total + CHUNK - 1) / CHUNK;
    for (int c = 0; c < chunks; c++) {
      List<PatronSnapshot> rows = new ArrayList<>(CHUNK);
      for (int i = c * CHUNK; i < Math.min(total, (c + 1) * CHUNK); i++) {
        rows.add(patron(i));
      }
      SyncBatch<PatronSnapshot> batch = new SyncBatch<>(1, true, c, chunks, rows, List.of());
      long start = System.nanoTime();
      store.applyPatrons(batch);
      nanos += System.nanoTime() - start;
    }
    return nanos;
  }

  private static void writeItemsCsv(Path file, int total) throws IOException {
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < total; i++) {
        ItemRecord r = item(i);
        out.write(
            String.join(
                ",",
                r.itemId(),
                "\"" + r.title() + "\"",
                r.material(),
                r.homeBranch(),
                r.status().name(),
                String.join(",", r.flags()).isEmpty()
                    ? ""
                    : "\"" + String.join(",", r.flags()) + "\"",
                Integer.toString(r.parts()),
                ""));
        out.write('\n');
      }
    }
  }

  private static void writePatronsCsv(Path file, int total) throws IOException {
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < total; i++) {
        PatronSnapshot p = patron(i);
        out.write(
            String.join(
                ",",
                p.key().value(),
                p.category(),
                p.expiry().toString(),
                "0",
                "0",
                "\"book=" + p.loansOf("book") + "\"",
                "0",
                "0",
                "0",
                "",
                p.homeBranch()));
        out.write('\n');
      }
    }
  }

  // ---- data ----

  private static void seedCatalog(SqliteStore store, int n) {
    List<ItemRecord> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(item(i));
    }
    store.applyItems(new SyncBatch<>(1, true, 0, 1, rows, List.of()));
    List<PatronSnapshot> patrons = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      patrons.add(patron(i));
    }
    store.applyPatrons(new SyncBatch<>(1, true, 0, 1, patrons, List.of()));
  }

  private static String itemId(int i) {
    return String.format(Locale.ROOT, "1100%010d", i);
  }

  private static ItemRecord item(int i) {
    Set<String> flags = i % 50 == 0 ? Set.of("reference") : Set.of();
    return new ItemRecord(
        itemId(i),
        "図書館の本 " + i + " — a title of ordinary length",
        i % 10 == 0 ? "video" : "book",
        "branch-" + (i % 7),
        ItemStatus.AVAILABLE,
        flags,
        1,
        Optional.empty());
  }

  private static PatronKey patronKey(int i) {
    Random r = new Random(i * 7919L + 13);
    byte[] b = new byte[32];
    r.nextBytes(b);
    return new PatronKey(HexFormat.of().formatHex(b));
  }

  private static PatronSnapshot patron(int i) {
    return new PatronSnapshot(
        patronKey(i),
        "individual",
        LocalDate.of(2028, 3, 31),
        false,
        false,
        Map.of("book", i % 4),
        0,
        0,
        0,
        Optional.empty(),
        "branch-" + (i % 7));
  }

  private static Transaction checkout(int i) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.CHECKOUT,
        "kiosk-01",
        "branch-1",
        itemId(i),
        Optional.of(patronKey(i % 1000)),
        AT,
        Optional.of(LocalDate.of(2026, 12, 4)),
        false);
  }

  private static Transaction giveBack(int i) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.RETURN,
        "kiosk-01",
        "branch-1",
        itemId(i),
        Optional.empty(),
        AT,
        Optional.empty(),
        false);
  }

  // ---- helpers ----

  private Path fresh(String name) throws IOException {
    Files.createDirectories(work);
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Files.deleteIfExists(work.resolve(name + suffix));
    }
    return work.resolve(name);
  }

  private void clean() throws IOException {
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(StoreBench::delete);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] values) {
    double[] copy = values.clone();
    java.util.Arrays.sort(copy);
    return copy[copy.length / 2];
  }
}
