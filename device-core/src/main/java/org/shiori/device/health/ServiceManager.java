package org.shiori.device.health;

/** What the service tells the service manager (systemd): ready, alive, stopping, its state. */
public interface ServiceManager {
  /** Not started by systemd with a notify socket: nothing to tell. */
  ServiceManager NONE =
      new ServiceManager() {
        @Override
        public void notify(String... assignments) {}

        @Override
        public boolean present() {
          return false;
        }
      };

  /** Sends {@code KEY=value} assignments (sd_notify(3)). */
  void notify(String... assignments);

  /** Whether a service manager listens at all. */
  boolean present();

  default void ready(String status) {
    notify("READY=1", "STATUS=" + status);
  }

  default void alive() {
    notify("WATCHDOG=1");
  }

  default void status(String status) {
    notify("STATUS=" + status);
  }

  default void stopping() {
    notify("STOPPING=1", "STATUS=stopping");
  }
}
