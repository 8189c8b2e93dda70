package org.shiori.central.ils.sip2;

/** A {@link Sip2Settings} value that is not allowed. Names the setting and what is allowed. */
public class Sip2SettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String setting;

  Sip2SettingsException(String setting, String shownValue, String allowed) {
    super("SIP2 setting " + setting + " = " + shownValue + " is not allowed: " + allowed);
    this.setting = setting;
  }

  /** The name of the setting that is wrong, e.g. "port". */
  public String setting() {
    return setting;
  }
}
