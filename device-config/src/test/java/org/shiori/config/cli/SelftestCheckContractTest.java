package org.shiori.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.DeviceConfig;

/**
 * The extension point as the command uses it: a check on the class path (META-INF/services) is
 * found, its lines are printed and counted, and a check that throws is one FAIL line, not the end
 * of the self-test.
 */
class SelftestCheckContractTest {
  /** Registered for this module's tests; answers only for the device ids of this test. */
  public static final class ContractCheck implements SelftestCheck {
    @Override
    public List<SelftestResult> run(DeviceConfig device, SelftestContext context) {
      return switch (device.deviceId()) {
        case "contract-lines" ->
            List.of(
                SelftestResult.pass("contributed", "seen by the command"),
                SelftestResult.skip("absent part", "not on this device"));
        case "contract-throws" -> throw new IllegalStateException("a bug in the check");
        default -> List.of();
      };
    }
  }

  @TempDir Path dir;

  private String selftest(String deviceId) throws Exception {
    return SelftestRun.kiosk(dir, deviceId);
  }

  @Test
  void aContributedChecksLinesArePrintedAndCounted() throws Exception {
    String out = selftest("contract-lines");
    assertThat(out)
        .contains(
            "PASS  contributed   seen by the command", "SKIP  absent part   not on this device")
        .containsPattern("[0-9]+ of [0-9]+ checks failed, 1 skipped \\(not on this device\\)");
  }

  @Test
  void aCheckThatThrowsIsOneFailLineAndTheSelftestFinishes() throws Exception {
    String out = selftest("contract-throws");
    assertThat(out)
        .contains(
            "FAIL  ContractCheck the check itself failed: java.lang.IllegalStateException: a bug"
                + " in the check")
        .containsPattern("[0-9]+ of [0-9]+ checks failed\\n");
  }

  @Test
  void aCheckThatCannotBeLoadedIsOneFailLineAndTheOthersStillRun() throws Exception {
    // A damaged installation: a services entry naming a class that is not there.
    Path services = Files.createDirectories(dir.resolve("classes/META-INF/services"));
    Files.writeString(
        services.resolve(SelftestCheck.class.getName()), "org.shiori.missing.GoneCheck\n");
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (java.net.URLClassLoader damaged =
        new java.net.URLClassLoader(
            new java.net.URL[] {dir.resolve("classes").toUri().toURL()}, before)) {
      thread.setContextClassLoader(damaged);
      String out = selftest("contract-lines");
      assertThat(out)
          .contains(
              "FAIL  selftest      a check could not be loaded:",
              "org.shiori.missing.GoneCheck",
              "PASS  contributed   seen by the command");
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
