package org.shiori.config;

import org.shiori.rfid.security.SecurityMode.Method;

/** What makes a gate alarm: the tag's own security state, the item database, or both agreeing. */
public enum AlarmMode implements ConfigName {
  AFI("afi"),
  EAS("eas"),
  DATABASE("database"),
  CROSS_CHECK("cross-check");

  private final String configName;

  AlarmMode(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  /** The alarm mode that reads the same tag state the kiosks write. */
  public static AlarmMode matching(Method mode) {
    return mode == Method.EAS ? EAS : AFI;
  }
}
