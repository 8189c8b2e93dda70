package org.shiori.device.app;

/** Ends the service's process so that systemd starts it again. */
public final class ProcessRestart {
  private ProcessRestart() {}

  /**
   * Exits with {@link ExitCodes#RESTART} from a thread of its own, so the caller (a management
   * command's worker) is not blocked while the shutdown hook closes every part in order.
   */
  public static void exitForRestart() {
    Thread t = new Thread(() -> System.exit(ExitCodes.RESTART), "restart-requested");
    t.setDaemon(false);
    t.start();
  }
}
