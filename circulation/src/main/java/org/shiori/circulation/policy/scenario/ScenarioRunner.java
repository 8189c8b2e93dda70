package org.shiori.circulation.policy.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.circulation.policy.load.PolicyException;
import org.shiori.circulation.policy.load.PolicyProblem;

/** Finds, reads and runs scenario files: files on disk or the ones shipped with the product. */
public final class ScenarioRunner {

  /** Where the shipped scenario files are, and the index that lists them. */
  public static final String SHIPPED_DIR = "policies/scenarios/";

  private ScenarioRunner() {}

  /** Names of the shipped scenario files, from {@code policies/scenarios/index.txt}. */
  public static List<String> shippedNames() {
    String index = read(SHIPPED_DIR + "index.txt");
    List<String> names = new ArrayList<>();
    for (String line : index.split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Reads a scenario file by path, or a shipped one by name (without {@code .yaml}).
   *
   * @throws PolicyException when it has errors or does not exist
   */
  public static ScenarioFile load(String pathOrName) {
    Path path = Path.of(pathOrName);
    if (Files.isRegularFile(path)) {
      try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        ScenarioFile file = ScenarioReader.read(path.toString(), in);
        return relativePolicy(file, path);
      } catch (IOException e) {
        throw new PolicyException(
            List.of(new PolicyProblem(pathOrName, 0, 0, "cannot read: " + e.getMessage())));
      }
    }
    if (shippedNames().contains(pathOrName)) {
      return ScenarioReader.read(
          pathOrName, new java.io.StringReader(read(SHIPPED_DIR + pathOrName + ".yaml")));
    }
    throw new PolicyException(
        List.of(
            new PolicyProblem(
                pathOrName,
                0,
                0,
                "no such scenario file, and not a shipped one ("
                    + String.join(", ", shippedNames())
                    + ")")));
  }

  /** A policy path in a scenario file is relative to the file. */
  private static ScenarioFile relativePolicy(ScenarioFile file, Path path) {
    if (ShippedPolicies.NAMES.contains(file.policy()) || Path.of(file.policy()).isAbsolute()) {
      return file;
    }
    Path dir = path.toAbsolutePath().getParent();
    String resolved = dir == null ? file.policy() : dir.resolve(file.policy()).toString();
    return new ScenarioFile(file.source(), resolved, file.zone(), file.scenarios());
  }

  /** Runs every case of the file against its own policy. */
  public static List<ScenarioResult> run(ScenarioFile file) {
    return run(file, ShippedPolicies.load(file.policy(), file.zone()));
  }

  /** Runs every case of the file against the given policy. */
  public static List<ScenarioResult> run(ScenarioFile file, CirculationPolicy policy) {
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario s : file.scenarios()) {
      results.add(run(s, policy));
    }
    return results;
  }

  /**
   * Runs one case: checkouts, renewals, returns and hold requests go through the {@link
   * CirculationRules} interface; calendar and due-date questions to the policy's calendars.
   */
  public static ScenarioResult run(Scenario scenario, CirculationPolicy policy) {
    ScenarioExecution execution = new ScenarioExecution(scenario.given(), policy, policy);
    try {
      int n = 0;
      for (Scenario.Step step : scenario.steps()) {
        execution.run(++n, step);
      }
    } catch (RuntimeException e) {
      execution.mismatch("error: " + e.getMessage());
    }
    return new ScenarioResult(
        scenario.name(), scenario.line(), execution.mismatches(), execution.explanation());
  }

  private static String read(String resource) {
    try (InputStream in = ScenarioRunner.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
