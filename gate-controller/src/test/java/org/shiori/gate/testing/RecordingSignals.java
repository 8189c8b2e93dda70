package org.shiori.gate.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shiori.gate.signal.AlarmSignals;

/** Alarm signals that remember each alarm's duration instead of driving pins. */
public final class RecordingSignals implements AlarmSignals {
  private final List<Duration> alarms = new ArrayList<>();

  @Override
  public synchronized void alarm(Duration duration) {
    alarms.add(duration);
  }

  public synchronized List<Duration> alarms() {
    return List.copyOf(alarms);
  }

  @Override
  public void close() {}
}
