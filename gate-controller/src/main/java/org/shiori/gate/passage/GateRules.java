package org.shiori.gate.passage;

import java.util.Objects;
import java.util.OptionalInt;
import org.shiori.config.AlarmMode;
import org.shiori.config.DeviceConfig;
import org.shiori.rfid.security.SecurityMode;

/**
 * The alarm mode and the site's way of marking tags, from the device configuration.
 *
 * @param mode what makes the gate alarm
 * @param tagSecurity how kiosks mark an item secured on its tag (AFI values or NXP EAS)
 */
public record GateRules(AlarmMode mode, SecurityMode tagSecurity) {
  public GateRules {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(tagSecurity, "tagSecurity");
    if (mode == AlarmMode.AFI && tagSecurity.method() != SecurityMode.Method.AFI) {
      throw new IllegalArgumentException("alarm mode afi needs security mode afi");
    }
  }

  public static GateRules of(DeviceConfig config) {
    return new GateRules(config.requireGate().alarmMode(), config.security().tagSecurity());
  }

  /**
   * The inventory filter: in AFI mode only tags with the secured AFI answer, so released items
   * never cost the reader any time.
   */
  public OptionalInt inventoryFilter() {
    return mode == AlarmMode.AFI ? OptionalInt.of(tagSecurity.securedAfi()) : OptionalInt.empty();
  }

  /**
   * The filter of an inventory read before the round's full one, in cross-check mode on AFI tags: a
   * secured tag alarms whatever the database says, so the tags that answer it alarm at once,
   * without a command to each tag; only the others wait for their security state and item.
   */
  public OptionalInt securedFirst() {
    return mode == AlarmMode.CROSS_CHECK && tagSecurity.method() == SecurityMode.Method.AFI
        ? OptionalInt.of(tagSecurity.securedAfi())
        : OptionalInt.empty();
  }

  /** Whether the decision needs the item database (else the item is read only for the event). */
  public boolean decidesOnDatabase() {
    return mode == AlarmMode.DATABASE || mode == AlarmMode.CROSS_CHECK;
  }
}
