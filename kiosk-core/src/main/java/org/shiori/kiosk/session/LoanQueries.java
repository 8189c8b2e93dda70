package org.shiori.kiosk.session;

import java.util.concurrent.CompletableFuture;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.RenewalAnswer;

/**
 * A patron's loans and renewals, asked from central while the patron is at the kiosk (schema
 * version 3 of the request: the card read in this session is the proof). Nothing of the answer is
 * stored: the session keeps it in memory until it ends.
 */
public interface LoanQueries {

  /** The patron's current loans; a failed future when central cannot be asked or is silent. */
  CompletableFuture<LoanList> loans(PatronKey patron, PatronProof proof);

  /** Renews one of the patron's loans; a failed future as for {@link #loans}. */
  CompletableFuture<RenewalAnswer> renew(PatronKey patron, PatronProof proof, String itemId);

  /** For a kiosk without a link to central: every question fails at once. */
  static LoanQueries unavailable() {
    return new LoanQueries() {
      @Override
      public CompletableFuture<LoanList> loans(PatronKey patron, PatronProof proof) {
        return CompletableFuture.failedFuture(new IllegalStateException("no central"));
      }

      @Override
      public CompletableFuture<RenewalAnswer> renew(
          PatronKey patron, PatronProof proof, String itemId) {
        return CompletableFuture.failedFuture(new IllegalStateException("no central"));
      }
    };
  }
}
