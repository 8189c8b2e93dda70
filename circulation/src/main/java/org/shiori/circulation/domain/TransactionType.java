package org.shiori.circulation.domain;

/** What a transaction records. */
public enum TransactionType {
  CHECKOUT,
  RETURN
}
