package org.shiori.config;

/** What the device is: a self-service kiosk or a security gate. */
public enum DeviceRole implements ConfigName {
  KIOSK("kiosk"),
  GATE("gate");

  private final String configName;

  DeviceRole(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
