package org.shiori.config.cli.tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.codec.TagContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tag decode --hex "..."}: prints one JSON object describing the tag content. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "Decode a user-memory dump (hex) and print it as one JSON object.")
public final class TagDecodeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--hex",
      required = true,
      paramLabel = "HEX",
      description = "User memory as hex; spaces, colons and dashes are ignored.")
  String hex;

  @Override
  public Integer call() throws Exception {
    byte[] memory = parseHex(spec, hex);
    TagContent content = LibraryTagCodec.decode(memory);
    spec.commandLine().getOut().println(JSON.writeValueAsString(toJson(content, memory)));
    return 0;
  }

  static byte[] parseHex(CommandSpec spec, String text) {
    String s = text.replaceAll("[\\s:\\-]", "");
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if (s.isEmpty() || s.length() % 2 != 0 || !s.matches("[0-9A-Fa-f]+")) {
      throw new ParameterException(
          spec.commandLine(),
          "--hex: expected an even number of hex digits (0-9, A-F), got '" + text + "'");
    }
    return HexFormat.of().parseHex(s);
  }

  static ObjectNode toJson(TagContent content, byte[] memory) {
    ObjectNode out = JSON.createObjectNode();
    out.put("format", content.format().label());
    for (Map.Entry<String, Object> e : content.fields().entrySet()) {
      out.set(e.getKey(), JSON.valueToTree(e.getValue()));
    }
    if (!out.has("itemId") && !content.itemId().isEmpty()) {
      out.put("itemId", content.itemId());
    }
    if (!out.has("crcValid")) {
      out.put("crcValid", content.crcValid());
    }
    if (!out.has("quirks")) {
      out.set("quirks", JSON.valueToTree(content.quirks()));
    }
    out.put("length", memory.length);
    return out;
  }
}
