package org.shiori.kiosk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.config.cli.DeviceConfigFile;
import org.shiori.device.app.ExitCodes;
import org.shiori.device.app.TenantKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk staff-card-key --config FILE --card N}: the key to write under {@code ui.staffCards}
 * for a staff card, the card number hashed with the device's tenant key as patron keys are. The
 * number itself is printed nowhere; {@code --card -} reads it from standard input, so it does not
 * show in the process list.
 */
@Command(
    name = "staff-card-key",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the key of a staff card for ui.staffCards: the card number, as the kiosk reads it",
      "(a barcode with its start and stop characters), hashed with privacy.tenantKeyFile."
    })
final class StaffCardKeyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DeviceConfigFile config;

  @Option(
      names = "--card",
      required = true,
      paramLabel = "N",
      description = "The staff card's number as scanned, or - to read it from standard input.")
  String card;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeviceConfig device;
    try {
      device = DeviceConfigLoader.load(config.path());
    } catch (ConfigException e) {
      e.errors().stream().map(ConfigError::toString).forEach(err::println);
      err.flush();
      return ExitCodes.FAILURE;
    }
    String number = ("-".equals(card) ? readCard() : card).strip().toUpperCase(Locale.ROOT);
    if (number.isEmpty()) {
      err.println("error: --card: no card number given");
      err.flush();
      return ExitCodes.USAGE;
    }
    CardHasher hasher;
    try {
      hasher = new CardHasher(TenantKeyFile.read(device.privacy().tenantKeyFile()));
    } catch (IOException e) {
      err.println("error: privacy.tenantKeyFile: " + e.getMessage());
      err.flush();
      return ExitCodes.FAILURE;
    }
    out.println(hasher.keyOf(number).value());
    out.flush();
    return ExitCodes.OK;
  }

  private String readCard() throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    String line = in.readLine();
    return line == null ? "" : line;
  }
}
