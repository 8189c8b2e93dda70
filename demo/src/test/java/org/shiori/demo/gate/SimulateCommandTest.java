package org.shiori.demo.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.shiori.demo.GateDemoMain;
import picocli.CommandLine;

/** {@code bin/gate simulate}: the gate's command line as the demo module extends it. */
class SimulateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = GateDemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void simulatePrintsTheCrossCheckDecisionOfEachPassage() {
    assertThat(
            run(
                "simulate",
                "--mode",
                "cross-check",
                "--tag",
                "1001:secured:AVAILABLE",
                "--tag",
                "1002:released:ON_LOAN",
                "--tag",
                "1003:released:LOST",
                "--tag",
                "1004:released"))
        .isZero();

    assertThat(out.toString().lines().toList())
        .containsExactly(
            "1001             tag secured  cache AVAILABLE     -> ALARM",
            "1002             tag released cache ON_LOAN       -> pass",
            "1003             tag released cache LOST          -> ALARM",
            "1004             tag released cache not cached    -> pass",
            "4 passages, 2 alarms, 0 faulty reader rounds");
  }

  @Test
  void simulateRefusesAnUnknownModeOrTagState() {
    assertThat(run("simulate", "--mode", "sometimes", "--tag", "1:secured")).isEqualTo(2);
    assertThat(run("simulate", "--tag", "1:maybe")).isEqualTo(2);
    assertThat(err.toString()).contains("afi, eas, database or cross-check", "secured or released");
  }

  @Test
  void theGatesOwnCommandsStayAvailable() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString()).contains("--config");
  }
}
