package org.shiori.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.sync.Datasets;
import org.shiori.circulation.domain.Transaction;
import org.shiori.protocol.SequencedTransaction;
import org.shiori.protocol.Topics;
import org.shiori.protocol.TransactionCodec;

/**
 * P-ERASE-1 at central, on the bytes: after the return no file of central's SQLite database (the
 * database itself, its journal) holds the borrower's patron key any more.
 */
class SqliteErasureTest {
  @TempDir Path directory;

  @Test
  void noFileHoldsThePatronKeyAfterTheReturn_P_ERASE_1() throws Exception {
    Topics topics = new Topics(IngestContractTest.TENANT);
    TransactionCodec codec = new TransactionCodec();
    try (CentralDatabase db = CentralDatabase.open(TestDatabases.sqlite(directory))) {
      TransactionIngest ingest =
          new TransactionIngest(
              db,
              new Datasets(IngestContractTest.TENANT),
              topics,
              Clock.fixed(IngestContractTest.NOW, ZoneOffset.UTC),
              false);
      Transaction lent =
          IngestContractTest.checkout("kiosk-1", "1000123456", IngestContractTest.ALICE);
      ingest.take(topics.tx("kiosk-1"), codec.encode(new SequencedTransaction(1, 1, lent)));
      assertThat(filesContaining(IngestContractTest.ALICE.value()))
          .as("the loan is there while it lasts")
          .isNotEmpty();
      Transaction back = IngestContractTest.giveBack("kiosk-1", "1000123456");
      ingest.take(topics.tx("kiosk-1"), codec.encode(new SequencedTransaction(2, 2, back)));
    }
    assertThat(filesContaining(IngestContractTest.ALICE.value())).isEmpty();
  }

  private List<Path> filesContaining(String text) throws Exception {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                try {
                  return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                      .contains(text);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
