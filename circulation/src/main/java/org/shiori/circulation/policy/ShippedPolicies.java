package org.shiori.circulation.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.shiori.circulation.policy.load.PolicyException;
import org.shiori.circulation.policy.load.PolicyProblem;
import org.shiori.circulation.policy.load.PolicyReader;
import org.shiori.circulation.policy.model.PolicyDefinition;

/** The policies shipped with the product, and policy files given by path. */
public final class ShippedPolicies {

  /** The default policy: Matsuyama City Library (seed 001). */
  public static final String DEFAULT = "matsuyama";

  /** Names of the shipped policies. */
  public static final List<String> NAMES = List.of("matsuyama", "narita");

  private ShippedPolicies() {}

  /**
   * Loads a shipped policy by name ({@code matsuyama}, {@code narita}) or a policy file by path.
   *
   * @param nameOrPath a shipped name or a file path
   * @param zone the zone in which "today" is taken for due dates
   * @throws PolicyException when the file has errors (each with line and column) or does not exist
   */
  public static CirculationPolicy load(String nameOrPath, ZoneId zone) {
    return new CirculationPolicy(read(nameOrPath), zone);
  }

  /** Reads and validates a shipped policy or a policy file without building calendars. */
  public static PolicyDefinition read(String nameOrPath) {
    if (NAMES.contains(nameOrPath)) {
      String resource = "policies/" + nameOrPath + ".yaml";
      try (InputStream in = ShippedPolicies.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is missing from the build");
        }
        return PolicyReader.read(nameOrPath, new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path path = Path.of(nameOrPath);
    if (!Files.isRegularFile(path)) {
      throw new PolicyException(
          List.of(
              new PolicyProblem(
                  nameOrPath,
                  0,
                  0,
                  "no such policy file, and not a shipped policy ("
                      + String.join(", ", NAMES)
                      + ")")));
    }
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return PolicyReader.read(path.toString(), in);
    } catch (IOException e) {
      throw new PolicyException(
          List.of(new PolicyProblem(nameOrPath, 0, 0, "cannot read: " + e.getMessage())));
    }
  }
}
