package org.shiori.config;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The security gate's alarm rule and wiring (BCM GPIO numbers). {@code beamPin} is empty when the
 * gate has no light beam, in which case visitors are not counted.
 */
public record GateSettings(
    AlarmMode alarmMode, int lightPin, int buzzerPin, OptionalInt beamPin, int alarmMillis) {

  public GateSettings {
    Objects.requireNonNull(alarmMode, "alarmMode");
    Objects.requireNonNull(beamPin, "beamPin");
  }

  public Duration alarmDuration() {
    return Duration.ofMillis(alarmMillis);
  }
}
