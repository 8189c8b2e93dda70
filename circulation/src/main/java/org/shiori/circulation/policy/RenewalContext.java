package org.shiori.circulation.policy;

import java.time.ZonedDateTime;
import java.util.Objects;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;

/**
 * Everything the rules need to decide a renewal.
 *
 * @param patron the borrower
 * @param item the item on loan (with any hold on it)
 * @param renewalsSoFar how many times this loan was renewed already
 * @param branch the service point deciding
 * @param now the moment of the decision
 * @param pinVerified the patron entered the right PIN in this session (R-CARD-2)
 */
public record RenewalContext(
    PatronSnapshot patron,
    ItemRecord item,
    int renewalsSoFar,
    String branch,
    ZonedDateTime now,
    boolean pinVerified) {
  public RenewalContext {
    Objects.requireNonNull(patron, "patron");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(now, "now");
  }
}
