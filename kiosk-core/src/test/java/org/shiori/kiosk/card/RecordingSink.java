package org.shiori.kiosk.card;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what card sources delivered: a number, or {@code MISREAD}. */
final class RecordingSink implements CardSink {
  static final String MISREAD = "(misread)";
  final List<String> received = new CopyOnWriteArrayList<>();

  @Override
  public void cardScanned(String cardNumber) {
    received.add(cardNumber);
  }

  @Override
  public void cardMisread() {
    received.add(MISREAD);
  }
}
