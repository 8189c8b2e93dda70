package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.ingest.TransactionIngest;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.sync.Datasets;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;
import org.shiori.protocol.SequencedTransaction;
import org.shiori.protocol.Topics;
import org.shiori.protocol.TransactionCodec;
import picocli.CommandLine;

/** {@code central conflicts list|resolve} on a real SQLite database with a held conflict. */
class ConflictsCommandTest {
  static final PatronKey ALICE = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  static final PatronKey BOB = new PatronKey("00112233445566778899aabbccddeeff");

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return new CommandLine(new CentralCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  static Transaction checkout(String item, PatronKey patron) {
    return new Transaction(
        UUID.randomUUID(),
        TransactionType.CHECKOUT,
        "kiosk-1",
        "main",
        item,
        Optional.of(patron),
        Instant.parse("2026-11-21T01:02:03Z"),
        Optional.of(LocalDate.of(2026, 12, 5)),
        false);
  }

  @Test
  void staffListAndResolveAConflict() throws Exception {
    Path config = dir.resolve("central.yaml");
    Files.writeString(
        config,
        """
        tenant: example-city
        instanceId: central-1
        broker:
          url: tcp://127.0.0.1:1883
        database:
          kind: sqlite
          file: central.db
        """);
    Transaction forged = checkout("2", BOB);
    Transaction real = checkout("1", ALICE);
    Topics topics = new Topics("example-city");
    try (CentralDatabase db =
        CentralDatabase.open(CentralConfig.Database.sqlite(dir.resolve("central.db")))) {
      TransactionIngest ingest =
          new TransactionIngest(db, new Datasets("example-city"), topics, Clock.systemUTC(), false);
      TransactionCodec codec = new TransactionCodec();
      for (Transaction t : new Transaction[] {forged, real}) {
        ingest.take(topics.tx("kiosk-1"), codec.encode(new SequencedTransaction(1, 1, t)));
      }
    }
    assertThat(run("conflicts", "list", "--config", config.toString())).isZero();
    assertThat(out.toString())
        .contains("kiosk-1 sequence 1:")
        .contains(forged.id().toString())
        .contains(real.id().toString())
        .contains("item 1")
        .doesNotContain(ALICE.value())
        .doesNotContain(BOB.value());
    assertThat(run("conflicts", "resolve", "--config", config.toString(), "kiosk-1", "1", "x"))
        .isEqualTo(CentralCommand.INPUT_ERROR);
    assertThat(err.toString()).contains("found 'x'").contains("a UUID");
    String other = UUID.randomUUID().toString();
    assertThat(run("conflicts", "resolve", "--config", config.toString(), "kiosk-1", "1", other))
        .isEqualTo(CentralCommand.INPUT_ERROR);
    assertThat(err.toString()).contains(other + " is not one of the transactions");
    assertThat(
            run(
                "conflicts",
                "resolve",
                "--config",
                config.toString(),
                "kiosk-1",
                "1",
                real.id().toString()))
        .isZero();
    out.getBuffer().setLength(0);
    assertThat(run("conflicts", "list", "--config", config.toString())).isZero();
    assertThat(out.toString()).isEmpty();
  }
}
