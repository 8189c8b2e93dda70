package org.shiori.kiosk.domain;

/** What a transaction records. */
public enum TransactionType {
  CHECKOUT,
  RETURN
}
