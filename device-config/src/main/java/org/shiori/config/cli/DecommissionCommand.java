package org.shiori.config.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code decommission --config FILE --yes}: a device leaving service (P-DISPOSE-1). Overwrites with
 * zeros, forces to disk and deletes, in this order, the data directory (store, its write-ahead log
 * and copies, PIN lockouts, tenant key, admin token), the TLS key, certificate and request, the
 * service's log files, and last the configuration; each step is reported. On flash media an
 * overwrite does not reach every old block, so the whole medium must still be wiped
 * (docs/operations.md); the command says so.
 */
@Command(
    name = "decommission",
    mixinStandardHelpOptions = true,
    description = {
      "Wipe this device's data, keys, certificates, logs and configuration (P-DISPOSE-1).",
      "Stop the service first and let the outbox drain (status: outbox 0 pending).",
      "Every file is overwritten with zeros, forced to disk and deleted; each step is reported.",
      "Exit code: 0 all wiped, 1 a step failed (the others still ran), 2 without --yes."
    })
final class DecommissionCommand implements Callable<Integer> {
  private static final int CHUNK = 64 * 1024;

  @Spec CommandSpec spec;

  @Mixin DeviceConfigFile config;

  @Option(
      names = "--log-dir",
      defaultValue = "/var/log/shiori",
      paramLabel = "DIR",
      description = "The service's log directory (default: ${DEFAULT-VALUE}).")
  Path logDir;

  @Option(names = "--yes", description = "Really wipe; without it nothing is touched.")
  boolean yes;

  /** One thing wiped: what it is and the paths that make it up. */
  private record Step(String what, List<Path> paths) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeviceConfig device;
    try {
      device = DeviceConfigLoader.load(config.path());
    } catch (ConfigException e) {
      e.errors().stream().map(ConfigError::toString).forEach(err::println);
      err.flush();
      return 1;
    }
    List<Step> steps = steps(device);
    if (!yes) {
      err.println("decommission wipes, for good:");
      steps.forEach(s -> err.println("  " + s.what() + ": " + s.paths()));
      err.println("give --yes to do it (stop the service first)");
      err.flush();
      return 2;
    }
    boolean allWiped = true;
    for (Step step : steps) {
      try {
        int files = 0;
        for (Path p : step.paths()) {
          files += wipe(p);
        }
        out.printf("WIPED  %-28s %d file(s)%n", step.what(), files);
      } catch (IOException e) {
        allWiped = false;
        out.printf("FAILED %-28s %s%n", step.what(), e.getMessage());
      }
      out.flush();
    }
    out.println(
        allWiped
            ? "done. On SD cards and SSDs overwriting does not reach every old block: wipe or"
                + " destroy the whole medium now (docs/operations.md, P-DISPOSE-1)."
            : "not everything was wiped: fix the failed steps and run again.");
    out.flush();
    return allWiped ? 0 : 1;
  }

  private List<Step> steps(DeviceConfig device) {
    List<Step> steps = new ArrayList<>();
    // The key first: it usually lies in the data directory, and is reported on its own.
    steps.add(new Step("tenant key", List.of(device.privacy().tenantKeyFile())));
    steps.add(new Step("data directory", List.of(device.dataDir())));
    device
        .broker()
        .tls()
        .ifPresent(
            tls -> {
              Path csr = tls.key().resolveSibling("device.csr");
              steps.add(new Step("TLS key and request", List.of(tls.key(), csr)));
              steps.add(new Step("TLS certificates", List.of(tls.cert(), tls.ca())));
            });
    steps.add(new Step("logs", List.of(logDir)));
    Path absolute = config.path().toAbsolutePath();
    steps.add(
        new Step(
            "configuration",
            List.of(
                absolute,
                absolute.resolveSibling(absolute.getFileName() + ".previous"),
                absolute.resolveSibling(absolute.getFileName() + ".pending"))));
    return steps;
  }

  /** Overwrites and deletes a file, or every file under a directory; returns how many. */
  private static int wipe(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      overwriteAndDelete(path);
      return 1;
    }
    int files = 0;
    List<Path> all;
    try (Stream<Path> tree = Files.walk(path)) {
      all = tree.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.delete(p);
        } catch (DirectoryNotEmptyException e) {
          throw new IOException(p + " still holds files that could not be removed", e);
        }
      } else {
        overwriteAndDelete(p);
        files++;
      }
    }
    return files;
  }

  private static void overwriteAndDelete(Path file) throws IOException {
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      long size = Files.size(file);
      byte[] zeros = new byte[CHUNK];
      try (OutputStream o =
          Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.DSYNC)) {
        for (long left = size; left > 0; left -= CHUNK) {
          o.write(zeros, 0, (int) Math.min(CHUNK, left));
        }
      }
    }
    Files.delete(file);
  }
}
