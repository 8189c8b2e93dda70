package org.shiori.central.app;

import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;

/** The file-import connector on PostgreSQL, in a database of its own. */
class PostgresqlFileImportJobTest extends FileImportJobContractTest {
  @Override
  CentralConfig.Database database() {
    return TestDatabases.createPostgresql();
  }

  @Override
  void drop(CentralConfig.Database db) {
    TestDatabases.drop(db);
  }
}
