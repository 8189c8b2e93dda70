package org.shiori.gate.visitors;

/** The direction of one walker through the gate. */
public enum Walk {
  /** Outer beam (street side) first: came into the library. */
  IN,
  /** Inner beam (library side) first: left the library. */
  OUT
}
