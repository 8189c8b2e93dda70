package org.shiori.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.Required;

/**
 * The real systemd-notify sends our assignments as one datagram to the socket named in
 * NOTIFY_SOCKET; a Unix datagram socket made by socat stands in for systemd's.
 */
class SystemdNotifyTest {
  @TempDir Path dir;

  private static boolean installed(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void readyAndWatchdogReachTheNotifySocketAsSdNotifyAssignments() throws Exception {
    Required.part(installed("systemd-notify"), "systemd-notify (Debian package systemd)");
    Required.part(installed("socat"), "socat");
    Path socket = dir.resolve("notify.sock");
    Path received = dir.resolve("received");
    Process listener =
        new ProcessBuilder(
                "socat",
                "-u",
                "UNIX-RECVFROM:" + socket + ",fork",
                "OPEN:" + received + ",creat,append")
            .redirectErrorStream(true)
            .start();
    try {
      Conditions.await(Duration.ofSeconds(10), () -> Files.exists(socket), () -> "no socket");
      ServiceManager systemd = new SystemdNotify("systemd-notify", socket.toString(), 4242);

      systemd.ready("serving");
      systemd.alive();

      Conditions.await(
          Duration.ofSeconds(10),
          () -> read(received).contains("WATCHDOG=1"),
          () -> "received: " + read(received));
      assertThat(read(received))
          .contains("READY=1\n", "STATUS=serving", "MAINPID=4242", "WATCHDOG=1");
    } finally {
      listener.destroy();
    }
  }

  @Test
  void withoutANotifySocketNothingIsSent() {
    assertThat(SystemdNotify.fromEnvironment(Map.of())).isSameAs(ServiceManager.NONE);
    assertThat(SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/x")).present()).isTrue();
  }

  @Test
  void theWatchdogIntervalIsReadForThisProcessOnly() {
    String me = String.valueOf(ProcessHandle.current().pid());
    assertThat(
            SystemdNotify.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", me)))
        .contains(Duration.ofSeconds(30));
    assertThat(
            SystemdNotify.watchdogInterval(
                Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1")))
        .isEmpty();
    assertThat(SystemdNotify.watchdogInterval(Map.of("WATCHDOG_USEC", "soon"))).isEmpty();
    assertThat(SystemdNotify.watchdogInterval(Map.of())).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
