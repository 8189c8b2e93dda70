package org.shiori.device.store;

/** The outbox holds as many unacknowledged transactions as it may: refuse new ones, drop none. */
public class OutboxFullException extends Exception {
  public OutboxFullException(String message) {
    super(message);
  }
}
