package org.shiori.gate.passage;

/** Where a raised alarm is reported: staff events on the broker ({@code EventPublisher}). */
@FunctionalInterface
public interface AlarmReport {
  void alarm(GateAlarm alarm);
}
