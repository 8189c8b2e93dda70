package org.shiori.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Turns file paths written in the configuration into absolute paths and checks files exist. */
final class ConfigPaths {
  static final String READABLE_FILE = "an existing, readable file";

  private final Path baseDirectory;

  /** Relative paths resolve against {@code baseDirectory}, the configuration file's directory. */
  ConfigPaths(Path baseDirectory) {
    this.baseDirectory = baseDirectory;
  }

  Optional<Path> resolve(String written) {
    try {
      return Optional.of(baseDirectory.resolve(written).normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** A path to a file that exists and can be read, reported at {@code key} otherwise. */
  Optional<Path> readableFile(SectionReader section, String key, String written) {
    Optional<Path> path =
        resolve(written).filter(p -> Files.isRegularFile(p) && Files.isReadable(p));
    if (path.isEmpty()) {
      Optional<Path> resolved = resolve(written).filter(p -> !p.toString().equals(written));
      section.report(
          key, written, READABLE_FILE + resolved.map(p -> " (looked for " + p + ")").orElse(""));
    }
    return path;
  }
}
