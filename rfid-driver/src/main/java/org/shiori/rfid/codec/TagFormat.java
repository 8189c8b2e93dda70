package org.shiori.rfid.codec;

/** Library data models a tag's user memory can follow. */
public enum TagFormat {
  ISO28560_3("iso28560-3"),
  ISO28560_2("iso28560-2"),
  RFID501("rfid501"),
  UNKNOWN("unknown");

  private final String label;

  TagFormat(String label) {
    this.label = label;
  }

  /** The name used in JSON output and configuration. */
  public String label() {
    return label;
  }
}
