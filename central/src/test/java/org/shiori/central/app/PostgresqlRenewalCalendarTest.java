package org.shiori.central.app;

import java.nio.file.Path;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.TestDatabases;

/** Renewals with central's calendar document on PostgreSQL, in a database of its own. */
class PostgresqlRenewalCalendarTest extends RenewalCalendarContractTest {
  @Override
  CentralConfig.Database database(Path directory) {
    return TestDatabases.createPostgresql();
  }

  @Override
  void dropDatabase(CentralConfig.Database database) {
    TestDatabases.drop(database);
  }
}
