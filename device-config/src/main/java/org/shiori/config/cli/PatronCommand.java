package org.shiori.config.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code patron export|erase --card N}: a patron's rights on this device (P-RIGHTS-1, P-ERASE-3),
 * through the running kiosk's admin API. The card number goes to the service only, which hashes it
 * at once; it is printed nowhere. {@code --card -} reads it from standard input, so it does not
 * show in the process list.
 */
@Command(
    name = "patron",
    mixinStandardHelpOptions = true,
    description = {
      "A patron's data on this device, through the running kiosk's admin API:",
      "export prints what the device holds (P-RIGHTS-1), erase removes it (P-ERASE-3)."
    },
    subcommands = {PatronCommand.Export.class, PatronCommand.Erase.class})
final class PatronCommand {
  @Option(
      names = "--config",
      defaultValue = "/etc/shiori/device.yaml",
      paramLabel = "FILE",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The device configuration (default: ${DEFAULT-VALUE}).")
  Path config;

  /** What both subcommands share: the card, the admin API, the printing. */
  abstract static class Request implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand PatronCommand parent;

    @Option(
        names = "--card",
        required = true,
        paramLabel = "N",
        description = "The card number as scanned, or - to read it from standard input.")
    String card;

    abstract JsonNode send(AdminClient admin, String path) throws IOException;

    abstract String done();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      DeviceConfig device;
      try {
        device = DeviceConfigLoader.load(parent.config);
      } catch (ConfigException e) {
        e.errors().stream().map(ConfigError::toString).forEach(err::println);
        err.flush();
        return 1;
      }
      String number = "-".equals(card) ? readCard() : card.strip();
      if (number.isEmpty()) {
        err.println("error: no card number given");
        err.flush();
        return 2;
      }
      JsonNode answer;
      try {
        answer =
            send(
                AdminClient.of(device),
                "/admin/patrons/" + URLEncoder.encode(number, StandardCharsets.UTF_8));
      } catch (IOException e) {
        err.println("error: " + e.getMessage());
        err.flush();
        return 1;
      }
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
      out.println(done());
      out.flush();
      return 0;
    }

    private static String readCard() throws IOException {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      return line == null ? "" : line.strip();
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Print what this device holds about the patron of one card (P-RIGHTS-1).")
  static final class Export extends Request {
    @Override
    JsonNode send(AdminClient admin, String path) throws IOException {
      return admin.get(path);
    }

    @Override
    String done() {
      return "exported: this is everything the device holds about this card";
    }
  }

  @Command(
      name = "erase",
      mixinStandardHelpOptions = true,
      description = "Erase this device's data about the patron of one card (P-ERASE-3).")
  static final class Erase extends Request {
    @Override
    JsonNode send(AdminClient admin, String path) throws IOException {
      return admin.delete(path);
    }

    @Override
    String done() {
      return "erased on this device; central keeps its own records (docs/privacy.md)";
    }
  }
}
