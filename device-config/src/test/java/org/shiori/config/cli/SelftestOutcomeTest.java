package org.shiori.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exit code and the summary line count FAIL, BUSY and SKIP each for what they are. */
class SelftestOutcomeTest {
  private static final RunningService GATE = new RunningService(4242, "gate");

  @Test
  void allPassedIsExitZero() {
    List<SelftestResult> lines =
        List.of(SelftestResult.pass("clock", "ok"), SelftestResult.pass("disk", "ok"));
    assertThat(SelftestCommand.exitCode(lines)).isZero();
    assertThat(SelftestCommand.summary(lines)).isEqualTo("all 2 checks passed");
  }

  @Test
  void aSkippedPartIsNoFailureAndIsCountedApart() {
    List<SelftestResult> lines =
        List.of(SelftestResult.pass("clock", "ok"), SelftestResult.skip("printer", "none"));
    assertThat(SelftestCommand.exitCode(lines)).isZero();
    assertThat(SelftestCommand.summary(lines))
        .isEqualTo("all 1 checks passed, 1 skipped (not on this device)");
  }

  @Test
  void aCheckNotRunBecauseTheServiceHoldsThePartIsExitThree() {
    SelftestResult busy = SelftestResult.busy("light", GATE, "the GPIO lines");
    List<SelftestResult> lines = List.of(SelftestResult.pass("clock", "ok"), busy);
    assertThat(SelftestCommand.exitCode(lines)).isEqualTo(SelftestCommand.NOT_ALL_RUN);
    assertThat(SelftestCommand.summary(lines))
        .isEqualTo("all 1 checks passed, 1 not run while the service runs (BUSY)");
    assertThat(busy.detail())
        .isEqualTo(
            "not run: the gate service (pid 4242) holds the GPIO lines; stop it first"
                + " (systemctl stop shiori-gate) and run selftest again");
  }

  @Test
  void aFailureWinsOverEverythingElse() {
    List<SelftestResult> lines =
        List.of(
            SelftestResult.fail("broker", "refused"),
            SelftestResult.busy("light", GATE, "the GPIO lines"),
            SelftestResult.skip("printer", "none"),
            SelftestResult.pass("clock", "ok"));
    assertThat(SelftestCommand.exitCode(lines)).isEqualTo(1);
    assertThat(SelftestCommand.summary(lines))
        .isEqualTo(
            "1 of 2 checks failed, 1 not run while the service runs (BUSY),"
                + " 1 skipped (not on this device)");
  }
}
