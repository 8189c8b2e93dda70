package org.shiori.circulation.policy.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loan period in days, weeks or months, as the regulations state it (2 weeks, 2 months).
 *
 * @param amount how many units, at least 1
 * @param unit {@link ChronoUnit#DAYS}, {@link ChronoUnit#WEEKS} or {@link ChronoUnit#MONTHS}
 */
public record Period(int amount, ChronoUnit unit) {

  private static final Pattern TEXT =
      Pattern.compile("(\\d{1,4})\\s*(days?|d|weeks?|w|months?|m)", Pattern.CASE_INSENSITIVE);

  public Period {
    Objects.requireNonNull(unit, "unit");
    if (amount < 1) {
      throw new IllegalArgumentException("a loan period is at least 1, was " + amount);
    }
    if (unit != ChronoUnit.DAYS && unit != ChronoUnit.WEEKS && unit != ChronoUnit.MONTHS) {
      throw new IllegalArgumentException("a loan period is in days, weeks or months");
    }
  }

  /**
   * Parses "14 days", "2 weeks", "2 months" (also "14d", "2w", "2m").
   *
   * @throws IllegalArgumentException with what is allowed
   */
  public static Period parse(String text) {
    Matcher m = TEXT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a period; write e.g. '14 days', '2 weeks' or '2 months'");
    }
    char u = m.group(2).toLowerCase(Locale.ROOT).charAt(0);
    ChronoUnit unit = u == 'd' ? ChronoUnit.DAYS : u == 'w' ? ChronoUnit.WEEKS : ChronoUnit.MONTHS;
    return new Period(Integer.parseInt(m.group(1)), unit);
  }

  /** The day this period after {@code from}; months keep the day of month or clamp to its end. */
  public LocalDate after(LocalDate from) {
    return switch (unit) {
      case DAYS -> from.plusDays(amount);
      case WEEKS -> from.plusWeeks(amount);
      default -> from.plusMonths(amount);
    };
  }

  @Override
  public String toString() {
    String name = unit.name().toLowerCase(Locale.ROOT);
    return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
  }
}
