package org.shiori.gate.signal;

import java.time.Duration;

/** The gate's visible and audible alarm: a warning light and a buzzer. */
public interface AlarmSignals extends AutoCloseable {
  /**
   * Starts the alarm pattern for {@code duration} and returns at once. A call while a pattern runs
   * restarts it, so the alarm always lasts {@code duration} from the latest call.
   */
  void alarm(Duration duration);

  /** Switches light and buzzer off and releases the outputs. */
  @Override
  void close();
}
