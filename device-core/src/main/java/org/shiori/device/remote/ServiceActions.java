package org.shiori.device.remote;

import java.io.IOException;

/** What a management command asks of the running service, wired by the kiosk and the gate. */
public interface ServiceActions {
  /** Asks central for a fresh snapshot of every data set; says what was asked. */
  String resync();

  /** Starts new log files; says which. */
  String rotateLogs() throws IOException;

  /**
   * Ends the process so that systemd starts it again ({@code ExitCodes.RESTART}, which the units
   * list in {@code RestartForceExitStatus=}). Returns at once; the stop runs on its own thread.
   */
  void restart();
}
