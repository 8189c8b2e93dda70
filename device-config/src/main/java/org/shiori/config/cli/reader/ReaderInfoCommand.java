package org.shiori.config.cli.reader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.ReaderInfo;
import org.shiori.rfid.reader.TagReader;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin ReaderOptions options;

  @Override
  public Integer call() throws Exception {
    try (TagReader reader = options.open()) {
      ReaderInfo info = reader.info();
      ObjectNode out = JSON.createObjectNode();
      out.put("protocol", options.protocol.toString());
      out.put("vendor", info.vendor());
      out.put("model", info.model());
      out.put("firmwareVersion", info.firmwareVersion());
      out.put("details", info.details());
      spec.commandLine().getOut().println(JSON.writeValueAsString(out));
      return 0;
    } catch (ReaderException e) {
      return ReaderCli.fail(spec, e);
    } catch (IOException e) {
      return ReaderCli.fail(spec, e);
    }
  }
}
