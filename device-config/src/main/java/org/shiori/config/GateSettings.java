package org.shiori.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The security gate's alarm rule and wiring (BCM GPIO numbers). {@code beams} is empty when the
 * gate has no light beams, in which case visitors are not counted; {@code tamperPin} is empty when
 * the gate has no cover switch.
 */
public record GateSettings(
    AlarmMode alarmMode,
    int lightPin,
    int buzzerPin,
    Optional<VisitorBeams> beams,
    OptionalInt tamperPin,
    int alarmMillis) {

  public GateSettings {
    Objects.requireNonNull(alarmMode, "alarmMode");
    Objects.requireNonNull(beams, "beams");
    Objects.requireNonNull(tamperPin, "tamperPin");
  }

  public Duration alarmDuration() {
    return Duration.ofMillis(alarmMillis);
  }
}
