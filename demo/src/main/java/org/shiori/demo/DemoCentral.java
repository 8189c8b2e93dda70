package org.shiori.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import org.shiori.central.app.CentralService;
import org.shiori.central.config.CentralConfig;

/**
 * The demo's central: the real central service on an SQLite file of its own with the standalone
 * connector (its database is the record of loans). The kiosk and the gate demo both report to it:
 * it takes their transactions and confirms their staff events.
 */
public final class DemoCentral implements AutoCloseable {
  private static final Duration CONNECT_WAIT = Duration.ofSeconds(20);

  private final CentralService service;
  private final Path directory;

  private DemoCentral(CentralService service, Path directory) {
    this.service = service;
    this.directory = directory;
  }

  public CentralService service() {
    return service;
  }

  /**
   * Opens, fills and starts central, and waits until it listens: a device speaking earlier would
   * wait for a retry.
   *
   * @param fill loads the demo's data sets before central subscribes
   */
  public static DemoCentral start(
      String tenant, URI broker, Clock clock, Consumer<CentralService> fill) throws IOException {
    return start(tenant, broker, clock, CentralConfig.Loans.DEFAULT, fill);
  }

  /**
   * @param loans how central answers loans and renewal requests
   * @param fill loads the demo's data sets before central subscribes
   */
  public static DemoCentral start(
      String tenant,
      URI broker,
      Clock clock,
      CentralConfig.Loans loans,
      Consumer<CentralService> fill)
      throws IOException {
    // Its own temporary directory, never under a device's data directory.
    Path directory = Files.createTempDirectory("shiori-demo-central-");
    CentralConfig config =
        new CentralConfig(
            tenant,
            "central-demo",
            new CentralConfig.Broker(broker, Optional.empty(), Duration.ofSeconds(30)),
            CentralConfig.Database.sqlite(directory.resolve("central.db")),
            new CentralConfig.Ingest(2),
            CentralConfig.Ils.standalone(),
            new CentralConfig.Sync(200),
            loans);
    CentralService service;
    try {
      service = CentralService.open(config, clock);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot start the demo's central", e);
    }
    try {
      fill.accept(service);
      service.start();
      if (!service.awaitConnected(CONNECT_WAIT)) {
        throw new IllegalStateException("the demo's central cannot reach " + broker);
      }
      return new DemoCentral(service, directory);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      service.close();
      throw new IllegalStateException("interrupted while the demo's central started", e);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    service.close();
    try (var paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
