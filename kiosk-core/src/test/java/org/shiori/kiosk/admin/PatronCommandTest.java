package org.shiori.kiosk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.cli.DeviceConfigCommand;
import org.shiori.kiosk.app.ProductionRig;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * {@code device-config patron export|erase --card N} against a running production kiosk's admin
 * API, as staff use it for a patron's request (P-RIGHTS-1, P-ERASE-3).
 */
class PatronCommandTest {
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

  private record Run(int exit, String out, String err) {}

  private static Run deviceConfig(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String config() {
    return dir.resolve("device.yaml").toString();
  }

  @Test
  void exportPrintsWhatTheDeviceHoldsWithoutTheCardNumber() {
    Run r = deviceConfig("patron", "export", "--card", ProductionRig.card(2), "--config", config());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(rig.patronKey(2).value())
        .contains("exported")
        .doesNotContain(ProductionRig.card(2));
  }

  @Test
  void eraseRemovesThePatronFromTheRunningKiosksStore() {
    org.shiori.testkit.Conditions.await(
        ProductionRig.WAIT,
        () -> rig.kiosk().store().find(rig.patronKey(3)).isPresent(),
        () -> "patron 3 not synced");
    Run r = deviceConfig("patron", "erase", "--card", ProductionRig.card(3), "--config", config());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("erased on this device");
    assertThat(rig.kiosk().store().find(rig.patronKey(3))).isEmpty();
  }

  @Test
  void somethingThatCannotBeACardIsRefusedWithTheReason() {
    Run r = deviceConfig("patron", "export", "--card", "ab", "--config", config());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("answered 400")
        .contains("not a card number")
        .doesNotContain("/ab");
  }
}
