package org.shiori.config;

import java.time.Duration;

/**
 * The two light beams across a gate's passage that count visitors and tell their direction (BCM
 * GPIO numbers): a walker who breaks the outer beam (street side) first comes in, one who breaks
 * the inner beam (library side) first goes out.
 *
 * @param outerPin beam on the street side ("A")
 * @param innerPin beam on the library side ("B")
 * @param debounceMillis a beam's level counts only once it has held this long
 */
public record VisitorBeams(int outerPin, int innerPin, int debounceMillis) {
  public VisitorBeams {
    if (outerPin == innerPin) {
      throw new IllegalArgumentException("outer and inner beam on the same pin " + outerPin);
    }
    if (debounceMillis < 0) {
      throw new IllegalArgumentException("debounceMillis must not be negative");
    }
  }

  public Duration debounce() {
    return Duration.ofMillis(debounceMillis);
  }
}
