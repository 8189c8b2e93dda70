package org.shiori.config;

/** How an item's security state is kept on its tag: the AFI byte or the NXP EAS bit. */
public enum SecurityMode implements ConfigName {
  AFI("afi"),
  EAS("eas");

  private final String configName;

  SecurityMode(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
