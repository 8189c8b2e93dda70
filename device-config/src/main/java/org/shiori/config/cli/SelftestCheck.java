package org.shiori.config.cli;

import java.util.List;
import org.shiori.config.DeviceConfig;

/**
 * A part of {@code selftest} that lives in a module above this one (found with {@link
 * java.util.ServiceLoader} on the class path of the installed package, where every module is): the
 * gate's light and buzzer need Pi4J, the kiosk's receipt printer its ESC/POS code, and neither is
 * visible from here. Each result is a line of the table and counts in the exit code.
 */
public interface SelftestCheck {
  /**
   * Checks this device's part, or says why it was skipped (not on this device) or not run (the
   * running service holds it). Must not throw for a part that fails: that is a FAIL result.
   */
  List<SelftestResult> run(DeviceConfig device, SelftestContext context);
}
