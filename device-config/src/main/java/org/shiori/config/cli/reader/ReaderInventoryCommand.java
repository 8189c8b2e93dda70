package org.shiori.config.cli.reader;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reader inventory}: one JSON line per tag in the field. */
@Command(
    name = "inventory",
    mixinStandardHelpOptions = true,
    description = "List the tags in the antenna field, one JSON object per line.")
public final class ReaderInventoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReaderOptions options;

  @Option(names = "--afi", description = "Only tags with this AFI (e.g. 0x07).")
  String afi;

  @Option(
      names = "--no-afi",
      description = "Do not read each tag's AFI (faster; prints uid and dsfid only).")
  boolean noAfi;

  @Override
  public Integer call() throws Exception {
    OptionalInt filter =
        afi == null ? OptionalInt.empty() : OptionalInt.of(ReaderCli.parseByte(spec, "--afi", afi));
    PrintWriter out = spec.commandLine().getOut();
    return ReaderCli.withReader(
        spec,
        options,
        reader -> {
          for (InventoryEntry e : reader.inventory(filter)) {
            ObjectNode line = ReaderCli.JSON.createObjectNode();
            line.put("uid", e.uid().hex());
            line.put("dsfid", e.dsfid());
            if (!noAfi) {
              readAfi(reader, e, line);
            }
            out.println(ReaderCli.JSON.writeValueAsString(line));
            out.flush();
          }
          return 0;
        });
  }

  private static void readAfi(TagReader reader, InventoryEntry e, ObjectNode line) {
    try {
      line.put("afi", reader.readAfi(e.uid()));
    } catch (ReaderException unreadable) {
      // The tag may have left the field or not support AFI: the line simply has no "afi".
      line.remove("afi");
    }
  }
}
