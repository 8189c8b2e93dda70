package org.shiori.config.cli;

import java.util.Objects;

/**
 * One line of the {@code selftest} table.
 *
 * @param check what was checked, e.g. {@code light}
 * @param outcome how it went
 * @param detail for the technician: what was seen, or what to do about it
 */
public record SelftestResult(String check, Outcome outcome, String detail) {
  public SelftestResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  /** How a check went; the table shows the name. */
  public enum Outcome {
    PASS,
    FAIL,
    /** The part is not on this device (not in its configuration): nothing to check. */
    SKIP,
    /** The running service holds the part, so it was not touched: stop the service to check it. */
    BUSY
  }

  public static SelftestResult pass(String check, String detail) {
    return new SelftestResult(check, Outcome.PASS, detail);
  }

  public static SelftestResult fail(String check, String detail) {
    return new SelftestResult(check, Outcome.FAIL, detail);
  }

  public static SelftestResult skip(String check, String detail) {
    return new SelftestResult(check, Outcome.SKIP, detail);
  }

  /** Not run because {@code service} holds {@code what} (e.g. "the GPIO lines"). */
  public static SelftestResult busy(String check, RunningService service, String what) {
    return new SelftestResult(
        check,
        Outcome.BUSY,
        "not run: the "
            + service.role()
            + " service (pid "
            + service.pid()
            + ") holds "
            + what
            + "; stop it first (systemctl stop "
            + service.unit()
            + ") and run selftest again");
  }
}
