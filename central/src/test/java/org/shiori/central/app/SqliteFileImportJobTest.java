package org.shiori.central.app;

import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;

/** The file-import connector on an SQLite file. */
class SqliteFileImportJobTest extends FileImportJobContractTest {
  @Override
  CentralConfig.Database database() {
    return TestDatabases.sqlite(dir);
  }

  @Override
  void drop(CentralConfig.Database db) {}
}
