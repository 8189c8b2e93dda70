package org.shiori.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped example configurations, installed into a directory the way a technician installs them
 * on a device: the YAML file plus the TLS files it names next to it.
 */
public final class ExampleConfigs {
  public static final String KIOSK = "kiosk-central.yaml";
  public static final String GATE = "gate-central.yaml";

  private ExampleConfigs() {}

  /** The repository's {@code device-config/examples} directory (tests run in the module). */
  public static Path examplesDirectory() {
    return Path.of("examples").toAbsolutePath();
  }

  /** Copies an example into {@code directory} without its TLS files; returns the copy. */
  public static Path copyWithoutTls(String example, Path directory) throws IOException {
    Path copy = directory.resolve(example);
    Files.copy(examplesDirectory().resolve(example), copy);
    return copy;
  }

  /** Copies an example into {@code directory} with placeholder TLS files; returns the copy. */
  public static Path install(String example, Path directory) throws IOException {
    Path tls = Files.createDirectories(directory.resolve("tls"));
    for (String name : new String[] {"ca.pem", "device.pem", "device.key"}) {
      Files.writeString(tls.resolve(name), "placeholder " + name + "\n", StandardCharsets.UTF_8);
    }
    return copyWithoutTls(example, directory);
  }
}
