package org.shiori.central.app;

import java.nio.file.Path;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;

/** Renewals with central's calendar document on an SQLite file. */
class SqliteRenewalCalendarTest extends RenewalCalendarContractTest {
  @Override
  CentralConfig.Database database(Path directory) {
    return TestDatabases.sqlite(directory);
  }

  @Override
  void dropDatabase(CentralConfig.Database database) {}
}
