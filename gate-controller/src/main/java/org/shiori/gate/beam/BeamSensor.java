package org.shiori.gate.beam;

/** The light barrier across the gate's passage: tells when somebody walks through. */
public interface BeamSensor extends AutoCloseable {
  /**
   * Registers the listener told once per debounced interruption of the beam, on the provider's
   * event thread; it must return quickly.
   */
  void onInterruption(Runnable listener);

  @Override
  void close();
}
