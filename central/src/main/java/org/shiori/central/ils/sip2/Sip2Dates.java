package org.shiori.central.ils.sip2;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * SIP2 18-character dates, {@code YYYYMMDDZZZZHHMMSS}: local time in the configured zone with the
 * zone field blank when sending; blank (local), " Z" (UTC) or a zone name when reading.
 */
public final class Sip2Dates {
  /** An 18-character date field with no date in it. */
  public static final String NO_DATE = " ".repeat(18);

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

  private final Clock clock;
  private final ZoneId zone;

  public Sip2Dates(Clock clock, ZoneId zone) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** The transaction date for now. */
  public String now() {
    return format(clock.instant());
  }

  /** The current instant of the injected clock. */
  public Instant instant() {
    return clock.instant();
  }

  public String format(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    return DAY.format(local) + "    " + TIME.format(local);
  }

  /** Reads an 18-character SIP2 date; empty for a blank field. */
  public Optional<ZonedDateTime> parse(String text) throws Sip2ProtocolException {
    if (text.isBlank()) {
      return Optional.empty();
    }
    if (text.length() != 18) {
      throw new Sip2ProtocolException(
          "SIP2 date must be 18 characters YYYYMMDDZZZZHHMMSS, got " + text.length());
    }
    ZoneId dateZone = zoneOf(text.substring(8, 12));
    try {
      LocalDateTime local =
          LocalDateTime.parse(text.substring(0, 8) + text.substring(12), DAY_AND_TIME);
      return Optional.of(local.atZone(dateZone));
    } catch (DateTimeParseException e) {
      throw new Sip2ProtocolException("SIP2 date is not YYYYMMDDZZZZHHMMSS", e);
    }
  }

  /**
   * Reads a due date (AH). SIP2 leaves its format to the ILS: an 18-character SIP2 date, an ISO
   * date {@code 2026-12-15} (optionally followed by a time) or {@code 20261215} are understood;
   * anything else gives empty.
   */
  public Optional<LocalDate> parseDueDate(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (text.length() == 18) {
        return parse(text).map(d -> d.withZoneSameInstant(zone).toLocalDate());
      }
      if (trimmed.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        return Optional.of(LocalDate.parse(trimmed.substring(0, 10)));
      }
      if (trimmed.matches("\\d{8}")) {
        return Optional.of(LocalDate.parse(trimmed, DAY));
      }
    } catch (Sip2ProtocolException | DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private ZoneId zoneOf(String field) throws Sip2ProtocolException {
    String name = field.strip();
    if (name.isEmpty()) {
      return zone;
    }
    if (name.equals("Z") || name.equals("UTC") || name.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name, ZoneId.SHORT_IDS);
    } catch (RuntimeException e) {
      throw new Sip2ProtocolException("SIP2 date has an unknown time zone '" + name + "'", e);
    }
  }
}
