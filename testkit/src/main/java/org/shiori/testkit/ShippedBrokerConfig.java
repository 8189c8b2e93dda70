package org.shiori.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The broker configuration shipped in {@code docs/mosquitto/} ({@code mosquitto.conf} and {@code
 * acl}), made runnable for a test: only the directives that name files, the port, the log
 * destination and the autosave interval are replaced, and the example tenant of the ACL becomes the
 * test's tenant. Everything else (TLS settings, identity rules, packet limit, ACL rules) runs
 * exactly as shipped, so a test of the broker is a test of the documented files.
 */
public final class ShippedBrokerConfig {
  /** The tenant id the shipped ACL is written for. */
  public static final String EXAMPLE_TENANT = "example-city";

  private static final Path DOCS = Path.of("docs", "mosquitto");

  /** The device whose line in dynamic-security.json is the example for every device. */
  public static final String EXAMPLE_DEVICE = "kiosk-01";

  private final List<String> configLines;
  private final String acl;
  private final List<String> dynamicSecurity;

  private ShippedBrokerConfig(List<String> configLines, String acl, List<String> dynamicSecurity) {
    this.configLines = configLines;
    this.acl = acl;
    this.dynamicSecurity = dynamicSecurity;
  }

  /** Reads the shipped files from the repository this test runs in. */
  public static ShippedBrokerConfig load() {
    Path dir = directory();
    try {
      return new ShippedBrokerConfig(
          Files.readAllLines(dir.resolve("mosquitto.conf"), StandardCharsets.UTF_8),
          Files.readString(dir.resolve("acl"), StandardCharsets.UTF_8),
          Files.readAllLines(dir.resolve("dynamic-security.json"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code docs/mosquitto} of the repository, found from the working directory upwards. */
  public static Path directory() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(DOCS).resolve("mosquitto.conf"))) {
        return d.resolve(DOCS);
      }
    }
    throw new IllegalStateException(
        "docs/mosquitto/mosquitto.conf not found above " + Path.of("").toAbsolutePath());
  }

  /** The value of a directive as shipped (its first occurrence), e.g. {@code max_packet_size}. */
  public Optional<String> value(String directive) {
    for (String line : configLines) {
      String[] words = line.trim().split("\\s+", 2);
      if (words.length == 2 && words[0].equals(directive)) {
        return Optional.of(words[1].trim());
      }
    }
    return Optional.empty();
  }

  /** The shipped ACL with the example tenant replaced; fails if the ACL names no example tenant. */
  public String acl(String tenant) {
    String marker = "lib/" + EXAMPLE_TENANT + "/";
    if (!acl.contains(marker)) {
      throw new IllegalStateException("docs/mosquitto/acl does not mention " + marker);
    }
    return acl.replace(marker, "lib/" + tenant + "/");
  }

  /**
   * The shipped dynamic-security.json with one client line per device id, made from the line of
   * {@link #EXAMPLE_DEVICE}; fails if that line is missing.
   */
  public String dynamicSecurity(List<String> deviceIds) {
    String marker = "\"username\": \"" + EXAMPLE_DEVICE + "\"";
    List<String> out = new ArrayList<>();
    boolean found = false;
    for (String line : dynamicSecurity) {
      if (!line.contains(marker)) {
        out.add(line);
        continue;
      }
      found = true;
      String example = line.strip().replaceAll(",$", "");
      String indent = line.substring(0, line.indexOf('{'));
      for (int i = 0; i < deviceIds.size(); i++) {
        String id = deviceIds.get(i);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
          throw new IllegalArgumentException("device id " + id);
        }
        out.add(
            indent
                + example.replace(marker, "\"username\": \"" + id + "\"")
                + (i < deviceIds.size() - 1 ? "," : ""));
      }
    }
    if (!found) {
      throw new IllegalStateException("docs/mosquitto/dynamic-security.json has no " + marker);
    }
    return String.join("\n", out) + "\n";
  }

  /**
   * The shipped mosquitto.conf with this test's paths and port; fails if a directive to replace is
   * missing, so the shipped file and the test cannot drift apart silently.
   */
  public String config(
      Path dir, int port, TestCertificates certs, Path aclFile, Path dynamicSecurityFile) {
    Map<String, String> replaced = new LinkedHashMap<>();
    replaced.put("listener", port + " 127.0.0.1");
    replaced.put("cafile", certs.caCertificate().toString());
    replaced.put("certfile", certs.serverCertificate().toString());
    replaced.put("keyfile", certs.serverKey().toString());
    replaced.put("acl_file", aclFile.toString());
    replaced.put("plugin_opt_config_file", dynamicSecurityFile.toString());
    replaced.put("persistence_location", dir + "/");
    replaced.put("log_dest", "file " + dir.resolve("mosquitto.log"));
    // Crash tests kill the broker with SIGKILL; they need the session state saved each second.
    replaced.put("autosave_interval", "1");
    List<String> out = new ArrayList<>();
    // The test runs as the current user; the shipped file leaves Mosquitto's default user.
    out.add("user " + System.getProperty("user.name"));
    List<String> seen = new ArrayList<>();
    for (String line : configLines) {
      String[] words = line.trim().split("\\s+", 2);
      if (replaced.containsKey(words[0])) {
        seen.add(words[0]);
        out.add(words[0] + " " + replaced.get(words[0]));
      } else {
        out.add(line);
      }
    }
    for (String directive : replaced.keySet()) {
      if (!seen.contains(directive)) {
        throw new IllegalStateException("docs/mosquitto/mosquitto.conf has no " + directive);
      }
    }
    // The test reads the broker log for connection details.
    out.add("log_type information");
    return String.join("\n", out) + "\n";
  }
}
