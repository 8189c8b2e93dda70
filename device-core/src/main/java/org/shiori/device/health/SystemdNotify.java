package org.shiori.device.health;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd through {@code systemd-notify}, run as a child of the service. systemd's notify
 * socket is a Unix datagram socket, which Java 17 cannot open (its Unix sockets are stream only); a
 * native library (JNA) would add a platform binary to a device that already has the tool. Because
 * the message comes from the child, the unit needs {@code NotifyAccess=all}; the child names the
 * service's PID with {@code --pid} so systemd counts it as the main process's.
 *
 * <p>systemd-notify exits at once; if systemd reads the datagram only after the child has exited it
 * may not match it to the unit. A lost READY fails the start after {@code TimeoutStartSec} (and the
 * unit restarts); a lost watchdog ping is covered by the next one, sent at a third of the watchdog
 * interval.
 */
public final class SystemdNotify implements ServiceManager {
  private static final Logger LOG = LoggerFactory.getLogger(SystemdNotify.class);
  private static final long WAIT_SECONDS = 5;

  private final String command;
  private final String socket;
  private final long pid;

  /**
   * @param command the systemd-notify program
   * @param socket the notify socket systemd named in {@code NOTIFY_SOCKET}
   * @param pid the service's process id
   */
  SystemdNotify(String command, String socket, long pid) {
    this.command = command;
    this.socket = socket;
    this.pid = pid;
  }

  /**
   * The service manager the environment names: systemd when {@code NOTIFY_SOCKET} is set, else
   * {@link ServiceManager#NONE}. The environment is read by the caller (the service's main).
   */
  public static ServiceManager fromEnvironment(Map<String, String> environment) {
    String socket = environment.get("NOTIFY_SOCKET");
    if (socket == null || socket.isBlank()) {
      return ServiceManager.NONE;
    }
    return new SystemdNotify("systemd-notify", socket, ProcessHandle.current().pid());
  }

  /**
   * The watchdog interval systemd set ({@code WATCHDOG_USEC}, for this process per {@code
   * WATCHDOG_PID}), if any.
   */
  public static Optional<Duration> watchdogInterval(Map<String, String> environment) {
    String usec = environment.get("WATCHDOG_USEC");
    String forPid = environment.get("WATCHDOG_PID");
    if (usec == null
        || (forPid != null && !forPid.equals(String.valueOf(ProcessHandle.current().pid())))) {
      return Optional.empty();
    }
    try {
      long micros = Long.parseLong(usec.trim());
      return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
    } catch (NumberFormatException e) {
      LOG.warn("WATCHDOG_USEC is not a number: {}", usec);
      return Optional.empty();
    }
  }

  @Override
  public boolean present() {
    return true;
  }

  @Override
  public void notify(String... assignments) {
    List<String> argv = new ArrayList<>();
    argv.add(command);
    argv.add("--pid=" + pid);
    for (String a : assignments) {
      // One line per assignment; a newline inside a value would start another one.
      argv.add(a.replace('\n', ' '));
    }
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(true);
    builder.environment().put("NOTIFY_SOCKET", socket);
    try {
      Process p = builder.start();
      if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        LOG.warn("{} did not finish within {} s", command, WAIT_SECONDS);
      } else if (p.exitValue() != 0) {
        LOG.warn("{} {} exited with {}", command, String.join(" ", assignments), p.exitValue());
      }
    } catch (IOException e) {
      LOG.warn("cannot run {}: {}", command, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
