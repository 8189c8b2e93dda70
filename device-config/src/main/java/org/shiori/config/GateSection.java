package org.shiori.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.shiori.rfid.security.SecurityMode.Method;

/** Reads {@code gate}: the alarm rule and the BCM GPIO pins of light, buzzer and beam. */
final class GateSection {
  private static final int MAX_BCM_PIN = 27;
  private static final String PIN_ALLOWED = "a BCM GPIO number from 0 to 27";

  private GateSection() {}

  static GateSettings read(SectionReader gate, Method securityMode) {
    gate.allowOnly("alarmMode", "lightPin", "buzzerPin", "beamPin", "alarmMillis");
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
    OptionalInt beam = gate.has("beamPin") ? pin(gate, "beamPin", used) : OptionalInt.empty();
    int alarmMillis = gate.integer("alarmMillis", 3000, 100, 60000);
    return new GateSettings(alarmMode, light, buzzer, beam, alarmMillis);
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
