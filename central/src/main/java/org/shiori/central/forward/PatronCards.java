package org.shiori.central.forward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.shiori.central.store.CentralDatabase;
import org.shiori.circulation.domain.PatronKey;

/**
 * Card numbers by patron key, only for a connector that must speak for the patron (SIP2 field
 * {@code AA}). Devices never see them; they are never logged. Erased with the patron.
 */
public final class PatronCards {
  private final CentralDatabase db;

  public PatronCards(CentralDatabase db) {
    this.db = db;
  }

  public void put(PatronKey key, String cardNumber) {
    db.inTransaction(
        c -> {
          put(c, key, cardNumber);
          return null;
        });
  }

  /** Stores (or replaces) the patron's card number inside the caller's transaction. */
  public static void put(Connection c, PatronKey key, String cardNumber) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM patron_cards WHERE patron_key = ?")) {
      s.setString(1, key.value());
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO patron_cards (patron_key, card_number) VALUES (?, ?)")) {
      s.setString(1, key.value());
      s.setString(2, cardNumber);
      s.executeUpdate();
    }
  }

  /**
   * Stores each patron's card number unless one is stored, in one JDBC batch: a key is its card
   * number's keyed hash, so a stored number is this one.
   */
  public static void putAllIfAbsent(Connection c, Map<PatronKey, String> cardNumbers)
      throws SQLException {
    if (cardNumbers.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO patron_cards (patron_key, card_number) VALUES (?, ?)"
                + " ON CONFLICT (patron_key) DO NOTHING")) {
      for (Map.Entry<PatronKey, String> card : cardNumbers.entrySet()) {
        s.setString(1, card.getKey().value());
        s.setString(2, card.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The patron's card number, when a connector needs it. */
  public static Optional<String> cardOf(Connection c, PatronKey key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT card_number FROM patron_cards WHERE patron_key = ?")) {
      s.setString(1, key.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }
}
