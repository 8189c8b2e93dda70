package org.shiori.config.cli.reader;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.shiori.rfid.reader.ReaderInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code reader info}: vendor, model and firmware version as one JSON object. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Print the reader's vendor, model and firmware version as JSON.")
public final class ReaderInfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReaderOptions options;

  @Override
  public Integer call() throws Exception {
    return ReaderCli.printAnswer(
        spec,
        options,
        reader -> {
          ReaderInfo info = reader.info();
          ObjectNode out = ReaderCli.JSON.createObjectNode();
          out.put("protocol", options.protocol.toString());
          out.put("vendor", info.vendor());
          out.put("model", info.model());
          out.put("firmwareVersion", info.firmwareVersion());
          out.put("details", info.details());
          return out;
        });
  }
}
