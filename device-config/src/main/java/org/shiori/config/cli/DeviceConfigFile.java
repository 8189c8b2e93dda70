package org.shiori.config.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option of the commands that work on an installed device through its
 * configuration (status, selftest, decommission, the kiosk's staff-card key): one option, one
 * default, one wording.
 */
public final class DeviceConfigFile {
  @Option(
      names = "--config",
      defaultValue = "/etc/shiori/device.yaml",
      paramLabel = "FILE",
      description = "The device configuration (default: ${DEFAULT-VALUE}).")
  private Path path;

  /** The configuration file given, or the installed default. */
  public Path path() {
    return path;
  }
}
