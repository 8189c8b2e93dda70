package org.shiori.device.store;

/**
 * A staff event waiting in the store for the broker's confirmation.
 *
 * @param sequence order of storing
 * @param alarm whether it is an alarm (never given way to the bound)
 * @param payload the encoded event, published as it is
 */
public record StoredEvent(long sequence, boolean alarm, byte[] payload) {
  public StoredEvent {
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}
