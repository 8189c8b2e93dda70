package org.shiori.config.cli.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.ReplayReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.ThreeMReaderEmulator;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.reader.threem.ThreeMFrameCodec;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.SocatPtyPair;
import picocli.CommandLine;

/** The reader subcommands against emulated readers on the other end of a socat pty pair. */
@Timeout(60)
class ReaderCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TagUid A = TagUid.fromHex("E004010012345678");
  private static final TagUid B = TagUid.fromHex("E007000012736993");
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs and expects success, showing stderr when it fails. */
  private void ok(String... args) {
    assertThat(run(args)).as("stderr: %s", err).isZero();
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new ReaderCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> result = new java.util.ArrayList<>();
    for (String line : out.toString().trim().split("\n")) {
      result.add(JSON.readTree(line));
    }
    return result;
  }

  @Test
  void feigInventoryPrintsOneLinePerTagWithAfi() throws Exception {
    TagField field = new TagField();
    VirtualTag a = VirtualTag.slix(A);
    a.setAfi(0x07);
    field.put(a);
    field.put(VirtualTag.slix(B));
    try (SocatPtyPair ptys = SocatPtyPair.startIgnoringEof();
        FeigReaderEmulator emu =
            new FeigReaderEmulator(new SerialTransport(SerialSettings.feig(ptys.first())), field, 0)
                .start()) {
      ok("inventory", "--port", ptys.second(), "--protocol", "feig");
      List<JsonNode> tags = lines();
      assertThat(tags).hasSize(2);
      assertThat(tags.get(0).get("uid").asText()).isEqualTo("E004010012345678");
      assertThat(tags.get(0).get("dsfid").asInt()).isZero();
      assertThat(tags.get(0).get("afi").asInt()).isEqualTo(7);
      assertThat(tags.get(1).get("uid").asText()).isEqualTo("E007000012736993");
    }
  }

  @Test
  void threeMInventoryFromCapturedFrames() throws Exception {
    // Captured 3M 810 answer to "FE 00 05" with one NXP tag; AFI requests are not in the capture.
    Map<String, String> capture =
        Map.of("D6 00 05 FE 00 05 FA 40", "D6 00 0F FE 00 00 05 01 E0 04 01 00 31 23 AA 26 94 1A");
    try (SocatPtyPair ptys = SocatPtyPair.startIgnoringEof();
        ReplayReaderEmulator emu =
            new ReplayReaderEmulator(
                    new SerialTransport(SerialSettings.threeM(ptys.first())),
                    ThreeMFrameCodec.SYNTAX,
                    capture)
                .start()) {
      ok("inventory", "--port", ptys.second(), "--protocol", "3m810", "--timeout-ms", "300");
      List<JsonNode> tags = lines();
      assertThat(tags).hasSize(1);
      assertThat(tags.get(0).get("uid").asText()).isEqualTo("E00401003123AA26");
      assertThat(tags.get(0).has("afi")).isFalse();
    }
  }

  @Test
  void feigInventoryFromReplayedFrames() throws Exception {
    // Request and reply frames laid out per the FEIG manual, chapter 7 ([0xB0] 01 and 2B).
    Map<String, String> capture =
        Map.of(
            "07FFB001001C56",
            "1B00B000020300E0040100123456780306E00700000A1B2C3D3C5F",
            "0FFFB02B01E00401001234567811A3",
            "1300B00000E00401001234567807031B01AF59",
            "0FFFB02B01E00700000A1B2C3DCC78",
            "1300B00006E00700000A1B2C3DC2033F004B91");
    try (SocatPtyPair ptys = SocatPtyPair.startIgnoringEof();
        ReplayReaderEmulator emu =
            new ReplayReaderEmulator(
                    new SerialTransport(SerialSettings.feig(ptys.first())),
                    org.shiori.rfid.reader.feig.FeigFrameCodec.SYNTAX,
                    capture)
                .start()) {
      ok("inventory", "--port", ptys.second(), "--protocol", "feig");
      List<JsonNode> tags = lines();
      assertThat(tags).hasSize(2);
      assertThat(tags.get(0).get("uid").asText()).isEqualTo("E004010012345678");
      assertThat(tags.get(0).get("afi").asInt()).isEqualTo(0x07);
      assertThat(tags.get(1).get("uid").asText()).isEqualTo("E00700000A1B2C3D");
      assertThat(tags.get(1).get("dsfid").asInt()).isEqualTo(6);
      assertThat(tags.get(1).get("afi").asInt()).isEqualTo(0xC2);
    }
  }

  @Test
  void threeMInventoryWithEmulatorReadsAfi() throws Exception {
    TagField field = new TagField();
    VirtualTag a = VirtualTag.slix(A);
    a.setAfi(0xDA);
    field.put(a);
    try (SocatPtyPair ptys = SocatPtyPair.startIgnoringEof();
        ThreeMReaderEmulator emu =
            new ThreeMReaderEmulator(
                    new SerialTransport(SerialSettings.threeM(ptys.first())), field)
                .start()) {
      ok("inventory", "--port", ptys.second(), "--protocol", "3m810", "--baud", "19200");
      assertThat(lines().get(0).get("afi").asInt()).isEqualTo(0xDA);
    }
  }

  @Test
  void infoAndSecure() throws Exception {
    TagField field = new TagField();
    VirtualTag a = VirtualTag.slix(A);
    field.put(a);
    try (SocatPtyPair ptys = SocatPtyPair.startIgnoringEof();
        FeigReaderEmulator emu =
            new FeigReaderEmulator(new SerialTransport(SerialSettings.feig(ptys.first())), field, 0)
                .start()) {
      ok("info", "--port", ptys.second(), "--protocol", "feig");
      assertThat(lines().get(0).get("vendor").asText()).isEqualTo("FEIG");
      out.getBuffer().setLength(0);
      ok("secure", "--port", ptys.second(), "--protocol", "feig", "--uid", A.hex(), "on");
      assertThat(a.afi()).isEqualTo(0x07);
      assertThat(lines().get(0).get("secured").asBoolean()).isTrue();
      out.getBuffer().setLength(0);
      ok("secure", "--port", ptys.second(), "--protocol", "feig", "--uid", A.hex(), "off");
      assertThat(a.afi()).isEqualTo(0xC2);
      assertThat(lines().get(0).get("secured").asBoolean()).isFalse();
      ok(
          "secure",
          "--port",
          ptys.second(),
          "--protocol",
          "feig",
          "--uid",
          A.hex(),
          "--method",
          "eas",
          "on");
      assertThat(a.eas()).isTrue();
    }
  }

  @Test
  void missingTagIsFailure() throws Exception {
    try (SocatPtyPair ptys = SocatPtyPair.startIgnoringEof();
        FeigReaderEmulator emu =
            new FeigReaderEmulator(
                    new SerialTransport(SerialSettings.feig(ptys.first())), new TagField(), 0)
                .start()) {
      assertThat(
              run("secure", "--port", ptys.second(), "--protocol", "feig", "--uid", A.hex(), "on"))
          .isEqualTo(1);
      assertThat(err.toString()).contains("no transponder");
    }
  }

  @Test
  void usageErrors() {
    assertThat(run("inventory", "--port", "/dev/null", "--protocol", "acme")).isEqualTo(2);
    assertThat(run("inventory", "--protocol", "feig")).isEqualTo(2);
    assertThat(run("secure", "--port", "x", "--protocol", "feig", "--uid", "E0", "on"))
        .isEqualTo(2);
    assertThat(run("secure", "--port", "x", "--protocol", "feig", "--uid", A.hex(), "maybe"))
        .isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void absentPortIsFailure() {
    assertThat(run("info", "--port", "/dev/shiori-no-such-port", "--protocol", "3m810"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("shiori-no-such-port");
  }
}
