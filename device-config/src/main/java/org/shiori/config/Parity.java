package org.shiori.config;

/** Serial line parity. */
public enum Parity implements ConfigName {
  NONE("none"),
  EVEN("even"),
  ODD("odd");

  private final String configName;

  Parity(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
