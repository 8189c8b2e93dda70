package org.shiori.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Which lending policy the device applies: one shipped by name, or a policy file. */
public record PolicySource(Optional<String> shippedName, Optional<Path> file) {

  public PolicySource {
    Objects.requireNonNull(shippedName, "shippedName");
    Objects.requireNonNull(file, "file");
    if (shippedName.isPresent() == file.isPresent()) {
      throw new IllegalArgumentException("a policy is either shipped or a file");
    }
  }

  public static PolicySource shipped(String name) {
    return new PolicySource(Optional.of(name), Optional.empty());
  }

  public static PolicySource file(Path file) {
    return new PolicySource(Optional.empty(), Optional.of(file));
  }

  /** The value as it would be written in the configuration. */
  public String describe() {
    return shippedName.orElseGet(() -> file.orElseThrow().toString());
  }
}
