package org.shiori.kiosk.app;

import java.util.concurrent.CompletableFuture;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.OnlineQueries;
import org.shiori.device.messaging.OutboxPublisher;
import org.shiori.device.messaging.SyncSubscriber;
import org.shiori.kiosk.session.LoanQueries;
import org.shiori.protocol.LoanList;
import org.shiori.protocol.PatronProof;
import org.shiori.protocol.RenewalAnswer;

/**
 * The kiosk's started link to central.
 *
 * @param link the device's MQTT link
 * @param connectivity online or offline since when, as the link reports it
 * @param publisher drains the outbox over the link
 * @param queries questions to central with request/response: PIN checks, loans, renewals
 * @param sync keeps the store's data sets current
 */
public record CentralConnection(
    MqttLink link,
    LinkConnectivity connectivity,
    OutboxPublisher publisher,
    OnlineQueries queries,
    SyncSubscriber sync) {

  /** The patron's loans and renewals, asked over this link. */
  public LoanQueries loanQueries() {
    return new LoanQueries() {
      @Override
      public CompletableFuture<LoanList> loans(PatronKey patron, PatronProof proof) {
        return queries.loansOf(patron, proof);
      }

      @Override
      public CompletableFuture<RenewalAnswer> renew(
          PatronKey patron, PatronProof proof, String itemId) {
        return queries.renew(patron, proof, itemId);
      }
    };
  }
}
