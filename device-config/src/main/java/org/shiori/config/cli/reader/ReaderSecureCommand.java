package org.shiori.config.cli.reader;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.security.TagSecurity;
import org.shiori.rfid.tag.TagUid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reader secure --uid UID on|off}: sets the security state and verifies it. */
@Command(
    name = "secure",
    mixinStandardHelpOptions = true,
    description = "Secure (on) or release (off) one tag, write verified by reading back.")
public final class ReaderSecureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ReaderOptions options;

  @Option(names = "--uid", required = true, description = "Tag UID, 16 hex digits MSB first.")
  String uid;

  @Parameters(index = "0", paramLabel = "on|off", description = "on = secured, off = released.")
  String state;

  @Option(names = "--method", description = "afi or eas (default afi).", defaultValue = "afi")
  String method;

  @Option(names = "--secured-afi", description = "AFI meaning secured (default 0x07, 3m810 0xD7).")
  String securedAfi;

  @Option(
      names = "--released-afi",
      description = "AFI meaning released (default 0xC2, 3m810 0xDA).")
  String releasedAfi;

  @Override
  public Integer call() throws Exception {
    boolean on = parseState();
    TagUid tag = parseUid();
    SecurityMode mode = mode();
    return ReaderCli.printAnswer(
        spec,
        options,
        reader -> {
          TagSecurity security = new TagSecurity(reader, mode);
          if (on) {
            security.secure(tag);
          } else {
            security.release(tag);
          }
          ObjectNode out = ReaderCli.JSON.createObjectNode();
          out.put("uid", tag.hex());
          out.put("secured", security.isSecured(tag));
          out.put("method", mode.method().name().toLowerCase(Locale.ROOT));
          if (mode.method() == SecurityMode.Method.AFI) {
            out.put("afi", reader.readAfi(tag));
          }
          return out;
        });
  }

  private boolean parseState() {
    switch (state.toLowerCase(Locale.ROOT)) {
      case "on":
        return true;
      case "off":
        return false;
      default:
        throw new ParameterException(spec.commandLine(), "state must be on or off, got " + state);
    }
  }

  private TagUid parseUid() {
    try {
      return TagUid.fromHex(uid);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--uid: " + e.getMessage());
    }
  }

  private SecurityMode mode() {
    if ("eas".equalsIgnoreCase(method)) {
      return SecurityMode.NXP_EAS;
    }
    if (!"afi".equalsIgnoreCase(method)) {
      throw new ParameterException(spec.commandLine(), "--method must be afi or eas");
    }
    SecurityMode d = options.defaultSecurity();
    int secured =
        securedAfi == null
            ? d.securedAfi()
            : ReaderCli.parseByte(spec, "--secured-afi", securedAfi);
    int released =
        releasedAfi == null
            ? d.releasedAfi()
            : ReaderCli.parseByte(spec, "--released-afi", releasedAfi);
    try {
      return SecurityMode.afi(secured, released);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
