package org.shiori.config;

import java.util.Objects;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.security.SecurityMode.Method;

/**
 * How the kiosk marks an item as lent or returned on its tag. In AFI mode the tag's AFI byte is
 * {@code afiSecured} while the item is in the library and {@code afiReleased} while on loan (ISO
 * 28560-1 values 0x07 and 0xC2 by default); in EAS mode the NXP EAS bit is used instead.
 */
public record SecuritySettings(Method mode, int afiSecured, int afiReleased) {
  public SecuritySettings {
    Objects.requireNonNull(mode, "mode");
  }

  /** What the tag driver writes and reads: the NXP EAS bit, or these two AFI values. */
  public SecurityMode tagSecurity() {
    return mode == Method.EAS ? SecurityMode.NXP_EAS : SecurityMode.afi(afiSecured, afiReleased);
  }
}
