package org.shiori.kiosk.messaging;

/** Receives the messages of one subscription. Runs on the link's delivery thread: be quick. */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(InboundMessage message);
}
