package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5's crash trials: one after another, a child kiosk JVM ({@link CheckoutChild}) records up
 * to {@value #CHECKOUTS} checkouts in the same database file and is killed with SIGKILL after a
 * random number of them. The sequence numbers the children printed are the checkouts the patrons
 * were told were done.
 */
public final class KioskCrashTrials {
  public static final int TRIALS = 20;
  public static final int CHECKOUTS = 1_000;

  /** Checks the database between two trials, while no child has it open. */
  @FunctionalInterface
  public interface AfterTrial {
    /**
     * @param trial the trial just ended, from 0
     * @param acknowledgedToPatrons every sequence number printed so far, by all trials
     */
    void check(int trial, List<Long> acknowledgedToPatrons) throws Exception;
  }

  private final Path db;
  private final Path logDir;
  private final Random random;

  /**
   * @param db the database file, shared by all trials
   * @param logDir where the children's standard error goes
   * @param seed picks the kill points, so a failing run can be repeated
   */
  public KioskCrashTrials(Path db, Path logDir, long seed) {
    this.db = db;
    this.logDir = logDir;
    this.random = new Random(seed);
  }

  /** Runs all trials and returns every sequence number acknowledged to a patron, in order. */
  public List<Long> run(AfterTrial afterTrial) throws Exception {
    List<Long> acknowledgedToPatrons = new ArrayList<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      int killAfter = 1 + random.nextInt(CHECKOUTS - 1);
      acknowledgedToPatrons.addAll(runAndKill("T" + trial, killAfter));
      afterTrial.check(trial, List.copyOf(acknowledgedToPatrons));
    }
    return acknowledgedToPatrons;
  }

  /** Starts a child kiosk, reads sequence numbers until {@code killAfter}, then kills it. */
  private List<Long> runAndKill(String prefix, int killAfter) throws Exception {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            javaBin.toString(),
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            CheckoutChild.class.getName(),
            db.toString(),
            Integer.toString(CHECKOUTS),
            prefix);
    builder.redirectError(logDir.resolve("child-" + prefix + ".err").toFile());
    Process child = builder.start();
    List<Long> printed = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
      assertThat(out.readLine()).as("child started").isEqualTo("ready");
      String line;
      while (printed.size() < killAfter && (line = out.readLine()) != null) {
        printed.add(Long.parseLong(line));
      }
      // SIGKILL through the process handle: unlike Process.destroyForcibly it leaves our end of
      // the pipe open, so lines written before the kill landed (patrons told "done") are read.
      child.toHandle().destroyForcibly();
      while ((line = out.readLine()) != null) {
        printed.add(Long.parseLong(line));
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    return printed;
  }
}
