package org.shiori.central.ils.fileimport;

import java.io.IOException;

/** Where the fingerprints of the last committed import are kept. */
public interface ImportState {
  /** The last committed import's fingerprints; {@link Fingerprints#none()} before the first. */
  Fingerprints last() throws IOException;

  /** Replaces the last import's fingerprints, all or nothing. */
  void save(Fingerprints fingerprints) throws IOException;
}
