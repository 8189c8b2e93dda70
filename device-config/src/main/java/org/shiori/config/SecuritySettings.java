package org.shiori.config;

import java.util.Objects;

/**
 * How the kiosk marks an item as lent or returned on its tag. In AFI mode the tag's AFI byte is
 * {@code afiSecured} while the item is in the library and {@code afiReleased} while on loan (ISO
 * 28560-1 values 0x07 and 0xC2 by default); in EAS mode the NXP EAS bit is used instead.
 */
public record SecuritySettings(SecurityMode mode, int afiSecured, int afiReleased) {
  public SecuritySettings {
    Objects.requireNonNull(mode, "mode");
  }
}
