package org.shiori.kiosk.card;

/** A card input device that delivers to a {@link CardInbox} on its own thread until closed. */
public interface CardSource extends AutoCloseable {
  /** Starts reading; a device that is absent or goes away is looked for again until closed. */
  void start();

  @Override
  void close();
}
