package org.shiori.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the kiosk in the middle of checkouts: every checkout the patron was told about
 * survives, the numbering stays gap-free and the file stays sound.
 */
class CrashRecoveryTest {
  private static final int TRIALS = 20;
  private static final int CHECKOUTS = 1_000;

  @TempDir Path dir;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void killedMidCheckoutLosesNoAcknowledgedTransaction() throws Exception {
    Path db = dir.resolve("store.db");
    Random random = new Random(20261121L);
    List<Long> acknowledgedToPatrons = new ArrayList<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      int killAfter = 1 + random.nextInt(CHECKOUTS - 1);
      acknowledgedToPatrons.addAll(runAndKill(db, "T" + trial, killAfter));

      try (SqliteStore store = SqliteStore.open(db, 1_000_000, StoreFixtures.CLOCK)) {
        assertThat(store.integrityCheck()).as("trial %d", trial).isEqualTo("ok");
        List<Long> present =
            store.unacknowledged(Integer.MAX_VALUE).stream().map(OutboxEntry::sequence).toList();
        long last = present.isEmpty() ? 0 : present.get(present.size() - 1);
        assertThat(present)
            .as("trial %d: gap-free from 1", trial)
            .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(present).as("trial %d", trial).containsAll(acknowledgedToPatrons);
        // At most the one checkout that committed as the process died was not yet announced.
        assertThat(last - acknowledgedToPatrons.size()).isBetween(0L, (long) trial + 1);
      }
    }
  }

  /** Starts a child kiosk, reads sequence numbers until {@code killAfter}, then kills it. */
  private List<Long> runAndKill(Path db, String prefix, int killAfter) throws Exception {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            javaBin.toString(),
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            CheckoutChild.class.getName(),
            db.toString(),
            Integer.toString(CHECKOUTS),
            prefix);
    builder.redirectError(dir.resolve("child-" + prefix + ".err").toFile());
    Process child = builder.start();
    List<Long> printed = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
      assertThat(out.readLine()).as("child started").isEqualTo("ready");
      String line;
      while (printed.size() < killAfter && (line = out.readLine()) != null) {
        printed.add(Long.parseLong(line));
      }
      // SIGKILL through the process handle: unlike Process.destroyForcibly it leaves our end of
      // the pipe open, so lines written before the kill landed (patrons told "done") are read.
      child.toHandle().destroyForcibly();
      while ((line = out.readLine()) != null) {
        printed.add(Long.parseLong(line));
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    return printed;
  }
}
