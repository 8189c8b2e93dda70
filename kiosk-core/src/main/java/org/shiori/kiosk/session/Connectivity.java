package org.shiori.kiosk.session;

import java.time.Instant;
import java.util.Optional;

/** Whether the central system can be reached now, and since when it cannot. */
public interface Connectivity {
  /** The moment the link to central was lost; empty while connected. */
  Optional<Instant> offlineSince();

  default boolean online() {
    return offlineSince().isEmpty();
  }
}
