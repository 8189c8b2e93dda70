package org.shiori.device.messaging;

/** Told when an {@link MqttLink} goes up or down. Runs on the link's thread: be quick. */
public interface ConnectionListener {
  /**
   * The link is connected and its subscriptions are in place.
   *
   * @param sessionPresent whether the broker still had this client's session (queued messages)
   */
  void connected(boolean sessionPresent);

  /**
   * The link is down; it reconnects by itself.
   *
   * @param reason why, for the technician log
   */
  void disconnected(String reason);
}
