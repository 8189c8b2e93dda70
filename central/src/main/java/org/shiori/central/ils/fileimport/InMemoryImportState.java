package org.shiori.central.ils.fileimport;

/** Import state for tests and a demo: lost when the process ends (the next import sends all). */
public final class InMemoryImportState implements ImportState {
  private Fingerprints last = Fingerprints.none();

  @Override
  public synchronized Fingerprints last() {
    return last;
  }

  @Override
  public synchronized void save(Fingerprints fingerprints) {
    last = fingerprints;
  }
}
