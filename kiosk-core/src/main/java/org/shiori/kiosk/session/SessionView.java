package org.shiori.kiosk.session;

import java.util.List;
import java.util.Objects;
import org.shiori.circulation.domain.Message;

/**
 * What the patron screen shows: never a name, never a card number (P-SCREEN-1).
 *
 * @param mode return mode (no card) or checkout mode (a card was accepted)
 * @param banner the current instruction or notice
 * @param outcomes one line per item handled in this session, in order
 * @param offline whether the kiosk is working without the central system
 * @param tagsOnPad how many item tags the reader sees on the pad now
 * @param receiptOffered whether the screen offers a receipt by default (groups, R-GROUP-2)
 */
public record SessionView(
    Mode mode,
    Message banner,
    List<ItemOutcome> outcomes,
    boolean offline,
    int tagsOnPad,
    boolean receiptOffered) {

  /** Kiosk modes. */
  public enum Mode {
    RETURN,
    CHECKOUT
  }

  public SessionView {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(banner, "banner");
    outcomes = List.copyOf(outcomes);
  }

  public SessionView withOffline(boolean nowOffline) {
    return new SessionView(mode, banner, outcomes, nowOffline, tagsOnPad, receiptOffered);
  }
}
