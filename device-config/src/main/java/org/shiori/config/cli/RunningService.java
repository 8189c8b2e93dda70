package org.shiori.config.cli;

import java.util.List;
import java.util.Optional;

/**
 * A kiosk or gate service ({@code shiori-kiosk run}, {@code shiori-gate run}, {@code bin/kiosk
 * run}, ...) running on this machine, found in the process table by its main class and {@code run}
 * subcommand, however it was started (systemd or by hand).
 *
 * @param pid its process id
 * @param role {@code kiosk} or {@code gate}
 */
public record RunningService(long pid, String role) {
  private static final List<String[]> SERVICES =
      List.of(
          new String[] {"org.shiori.kiosk.app.KioskCommand", "kiosk"},
          new String[] {"org.shiori.gate.app.GateCommand", "gate"});

  /** The systemd unit that runs it. */
  public String unit() {
    return "shiori-" + role;
  }

  /**
   * The first running service among this machine's processes (never this process). A process of
   * another user whose command line the system hides is not seen.
   */
  public static Optional<RunningService> find() {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .flatMap(p -> p.info().arguments().flatMap(args -> of(p.pid(), List.of(args))).stream())
        .findFirst();
  }

  /** The service these program arguments start, if they start one. */
  static Optional<RunningService> of(long pid, List<String> arguments) {
    for (int i = 0; i + 1 < arguments.size(); i++) {
      for (String[] service : SERVICES) {
        if (arguments.get(i).equals(service[0]) && arguments.get(i + 1).equals("run")) {
          return Optional.of(new RunningService(pid, service[1]));
        }
      }
    }
    return Optional.empty();
  }
}
