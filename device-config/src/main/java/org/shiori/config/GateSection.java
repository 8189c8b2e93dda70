package org.shiori.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.shiori.rfid.security.SecurityMode.Method;

/**
 * Reads {@code gate}: the alarm rule and the BCM GPIO pins of light, buzzer, visitor beams and
 * cover switch.
 */
final class GateSection {
  private static final int MAX_BCM_PIN = 27;
  private static final String PIN_ALLOWED = "a BCM GPIO number from 0 to 27";
  private static final int DEFAULT_DEBOUNCE_MILLIS = 30;

  private GateSection() {}

  static GateSettings read(SectionReader gate, Method securityMode) {
    gate.allowOnly(
        "alarmMode",
        "lightPin",
        "buzzerPin",
        "beamPin",
        "outerBeamPin",
        "innerBeamPin",
        "beamDebounceMillis",
        "tamperPin",
        "alarmMillis");
    AlarmMode tagMode = AlarmMode.matching(securityMode);
    AlarmMode alarmMode = gate.choice("alarmMode", AlarmMode.class).orElse(tagMode);
    if (alarmMode != tagMode && (alarmMode == AlarmMode.AFI || alarmMode == AlarmMode.EAS)) {
      // The kiosks write the tag state named by security.mode; a gate reading the other one
      // would never see a lent item and never alarm.
      gate.report(
          "alarmMode",
          alarmMode.configName(),
          "database, cross-check or " + tagMode.configName() + " (the security.mode)");
    }
    Map<Integer, String> used = new HashMap<>();
    int light = requiredPin(gate, "lightPin", used);
    int buzzer = requiredPin(gate, "buzzerPin", used);
    Optional<VisitorBeams> beams = beams(gate, used);
    OptionalInt tamper = gate.has("tamperPin") ? pin(gate, "tamperPin", used) : OptionalInt.empty();
    int alarmMillis = gate.integer("alarmMillis", 3000, 100, 60000);
    return new GateSettings(alarmMode, light, buzzer, beams, tamper, alarmMillis);
  }

  /** Both beam pins or neither: one beam cannot tell a walker's direction. */
  private static Optional<VisitorBeams> beams(SectionReader gate, Map<Integer, String> used) {
    if (gate.has("beamPin")) {
      gate.report(
          "beamPin",
          gate.written("beamPin"),
          "nothing: one beam cannot tell in from out; use outerBeamPin and innerBeamPin");
    }
    boolean outer = gate.has("outerBeamPin");
    boolean inner = gate.has("innerBeamPin");
    int debounce = gate.integer("beamDebounceMillis", DEFAULT_DEBOUNCE_MILLIS, 0, 1000);
    if (!outer && !inner) {
      if (gate.has("beamDebounceMillis")) {
        gate.report(
            "beamDebounceMillis",
            gate.written("beamDebounceMillis"),
            "only with outerBeamPin and innerBeamPin");
      }
      return Optional.empty();
    }
    if (!outer || !inner) {
      pin(gate, outer ? "outerBeamPin" : "innerBeamPin", used);
      gate.reportMissing(
          outer ? "innerBeamPin" : "outerBeamPin", PIN_ALLOWED + ", with the other beam's pin");
      return Optional.empty();
    }
    OptionalInt a = pin(gate, "outerBeamPin", used);
    OptionalInt b = pin(gate, "innerBeamPin", used);
    if (a.isEmpty() || b.isEmpty() || a.getAsInt() == b.getAsInt()) {
      return Optional.empty();
    }
    return Optional.of(new VisitorBeams(a.getAsInt(), b.getAsInt(), debounce));
  }

  private static int requiredPin(SectionReader gate, String key, Map<Integer, String> used) {
    if (!gate.has(key)) {
      gate.reportMissing(key, PIN_ALLOWED);
      return -1;
    }
    return pin(gate, key, used).orElse(-1);
  }

  private static OptionalInt pin(SectionReader gate, String key, Map<Integer, String> used) {
    int pin = gate.integer(key, -1, 0, MAX_BCM_PIN);
    if (pin < 0) {
      return OptionalInt.empty();
    }
    Optional<String> owner = Optional.ofNullable(used.putIfAbsent(pin, key));
    owner.ifPresent(
        other -> gate.report(key, Integer.toString(pin), "a pin not already used by " + other));
    return OptionalInt.of(pin);
  }
}
