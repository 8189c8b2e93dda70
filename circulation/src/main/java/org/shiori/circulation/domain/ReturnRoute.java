package org.shiori.circulation.domain;

import java.util.Objects;

/**
 * Where a returned item goes (R-RET-1, R-HOLD-3, R-RET-3, R-RET-4, R-GROUP-3).
 *
 * @param bin the sort bin
 * @param targetBranch the branch the item travels to (its home branch when routed away)
 * @param message what the patron reads
 */
public record ReturnRoute(Bin bin, String targetBranch, Message message) {
  /** Sort bins of a return kiosk. */
  public enum Bin {
    SHELF,
    HOLD_SHELF,
    OTHER_BRANCH,
    STAFF
  }

  public ReturnRoute {
    Objects.requireNonNull(bin, "bin");
    Objects.requireNonNull(targetBranch, "targetBranch");
    Objects.requireNonNull(message, "message");
  }
}
