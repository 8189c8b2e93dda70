package org.shiori.central.ingest;

import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;

/** The ingest contract on PostgreSQL (production), in a database of its own. */
class PostgresqlIngestTest extends IngestContractTest {
  @Override
  CentralConfig.Database database() {
    return TestDatabases.createPostgresql();
  }

  @Override
  void dropDatabase(CentralConfig.Database settings) {
    TestDatabases.drop(settings);
  }
}
