package org.shiori.config.cli.tag;

import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.shiori.rfid.codec.Iso28560Part3;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tag encode --item-id ID ...}: prints an ISO 28560-3 basic block as hex. */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = "Encode an ISO 28560-3 basic block and print it as hex.")
public final class TagEncodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--item-id", required = true, description = "Primary item id (max 16 chars).")
  String itemId;

  @Option(names = "--parts", defaultValue = "1", description = "Parts in the item (default 1).")
  int parts;

  @Option(names = "--part", defaultValue = "1", description = "Ordinal of this part (default 1).")
  int part;

  @Option(
      names = "--country",
      defaultValue = "",
      description = "Owner library country (2 letters).")
  String country;

  @Option(names = "--isil", defaultValue = "", description = "Owner library ISIL.")
  String isil;

  @Option(
      names = "--usage",
      defaultValue = "1",
      description =
          "Type of usage: 0 acquisition, 1 circulating (default), 2 not for loan, 7 discarded.")
  int usage;

  @Option(
      names = "--length",
      description = "32 or 34 bytes (default: 32 when the ISIL fits in 9 characters).")
  Integer length;

  @Override
  public Integer call() {
    if (part < 1 || part > parts) {
      throw new ParameterException(
          spec.commandLine(), "--part " + part + " must be between 1 and --parts " + parts);
    }
    if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
      throw new ParameterException(
          spec.commandLine(), "--country must be two capital letters (ISO 3166), got " + country);
    }
    Iso28560Part3.Data data =
        new Iso28560Part3.Data(Iso28560Part3.VERSION, usage, parts, part, itemId, country, isil);
    byte[] block;
    try {
      block = length == null ? Iso28560Part3.encode(data) : Iso28560Part3.encode(data, length);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine().getOut().println(HexFormat.of().withUpperCase().formatHex(block));
    return 0;
  }
}
