package org.shiori.device.messaging;

/** Receives the messages of one subscription. Runs on the link's delivery thread: be quick. */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(InboundMessage message);
}
