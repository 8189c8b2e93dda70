package org.shiori.kiosk.receipt;

/** The receipt printer as the patron screen and staff see it. */
public enum PrinterState {
  /** No printer is configured: the screen offers no receipt. */
  NONE,
  READY,
  /** The paper roll is empty (or the cover open): staff must load paper. */
  PAPER_OUT,
  /** The printer does not answer or the line failed. */
  FAILED
}
