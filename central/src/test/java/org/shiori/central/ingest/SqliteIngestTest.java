package org.shiori.central.ingest;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;

/** The ingest contract on an SQLite file (one branch, the demo). */
class SqliteIngestTest extends IngestContractTest {
  @TempDir Path directory;

  @Override
  CentralConfig.Database database() {
    return TestDatabases.sqlite(directory);
  }

  @Override
  void dropDatabase(CentralConfig.Database settings) {}
}
