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

/**
 * The production kiosk configured with {@code ssl://} and its client certificate, against a
 * Mosquitto that requires certificates and confines each device to its own topics (P-TLS-1).
 */
class TlsProductionKioskTest {
  @TempDir static Path dir;
  private static ProductionRig rig;

  @BeforeAll
  static void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is needed");
    rig = ProductionRig.startWithTls(dir);
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void syncArrivesAndACheckoutReachesCentralOverTls_P_TLS_1() {
    rig.openSession(1);
    rig.placeItem(1);

    Conditions.await(
        ProductionRig.WAIT,
        () ->
            rig.central().received().stream()
                .anyMatch(r -> r.transaction().itemId().equals(ProductionRig.itemId(1))),
        () -> "central received " + rig.central().received());
    Conditions.await(
        ProductionRig.WAIT,
        () -> rig.kiosk().store().pendingCount() == 0,
        () -> "outbox pending " + rig.kiosk().store().pendingCount());
    assertThat(rig.kiosk().store().rejections()).isEmpty();
    rig.clearPad();
  }
}
