package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/** The watchdog's health check of a running production kiosk covers every worker and passes. */
class KioskHealthTest {
  @TempDir static Path dir;
  private static ProductionRig rig;

  @BeforeAll
  static void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is needed");
    rig = ProductionRig.start(dir);
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void theReaderLoopStoreAndLinkWorkersAreWatchedAndHealthy() {
    assertThat(rig.kiosk().health().names())
        .containsExactlyInAnyOrder("sync worker", "outbox worker", "store", "reader loop");
    // Two rounds: the first hands each thread a probe, the second sees it answered.
    Conditions.await(
        ProductionRig.WAIT,
        () ->
            rig.kiosk().health().problems().isEmpty() && rig.kiosk().health().problems().isEmpty(),
        () -> "problems " + rig.kiosk().health().problems());
  }
}
