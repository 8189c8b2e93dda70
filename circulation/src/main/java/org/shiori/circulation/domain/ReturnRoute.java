package org.shiori.circulation.domain;

import java.util.Objects;

/**
 * Where a returned item goes (R-RET-1, R-HOLD-3, R-RET-3, R-RET-4, R-GROUP-3, R-ILL-2).
 *
 * @param bin the sort bin
 * @param targetBranch where the item travels to: its home branch or lending branch when routed to
 *     another branch, the lending library's id for {@link Bin#LENDING_LIBRARY}, this branch
 *     otherwise
 * @param message what the patron reads
 */
public record ReturnRoute(Bin bin, String targetBranch, Message message) {
  /** Sort bins of a return kiosk. */
  public enum Bin {
    SHELF,
    HOLD_SHELF,
    OTHER_BRANCH,
    STAFF,
    /**
     * An interlibrary-loan item: staff send it back to the library that lent it ({@code
     * targetBranch} names that library). A kiosk without such a bin uses the staff bin.
     */
    LENDING_LIBRARY
  }

  public ReturnRoute {
    Objects.requireNonNull(bin, "bin");
    Objects.requireNonNull(targetBranch, "targetBranch");
    Objects.requireNonNull(message, "message");
  }
}
