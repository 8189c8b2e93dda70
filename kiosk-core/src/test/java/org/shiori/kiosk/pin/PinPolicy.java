package org.shiori.kiosk.pin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped Matsuyama policy with the PIN switched on for individual patrons (R-CARD-2). */
public final class PinPolicy {
  private PinPolicy() {}

  /** Writes the policy file into {@code dir} and returns its path. */
  public static Path write(Path dir) throws IOException {
    String shipped;
    try (InputStream in =
        PinPolicy.class.getClassLoader().getResourceAsStream("policies/matsuyama.yaml")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String marker = "    pin: false";
    if (!shipped.contains(marker)) {
      throw new IllegalStateException("the shipped policy no longer has " + marker);
    }
    return Files.writeString(
        dir.resolve("matsuyama-pin.yaml"), shipped.replaceFirst(marker, "    pin: true"));
  }
}
