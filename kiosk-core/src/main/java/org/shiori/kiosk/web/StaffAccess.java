package org.shiori.kiosk.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may open the staff status screen and what it shows: device health only (reader, link, outbox,
 * cache age, last sync, rejections, printer), never patron data.
 *
 * @param pinSha256 the staff PIN's SHA-256 in hex; empty disables staff mode
 * @param status the device's status, built fresh for each opening
 * @param openFor how long the status screen stays open without a touch
 */
public record StaffAccess(
    Optional<String> pinSha256, Supplier<Map<String, Object>> status, Duration openFor) {

  /** No staff mode. */
  public static StaffAccess none() {
    return new StaffAccess(Optional.empty(), Map::of, Duration.ofSeconds(30));
  }

  /** The hash a technician writes for a PIN. */
  public static String hashOf(String pin) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(pin.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  boolean accepts(String pin) {
    return pinSha256.isPresent()
        && pin != null
        && MessageDigest.isEqual(
            pinSha256.get().getBytes(StandardCharsets.US_ASCII),
            hashOf(pin).getBytes(StandardCharsets.US_ASCII));
  }
}
