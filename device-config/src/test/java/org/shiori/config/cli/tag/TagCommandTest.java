package org.shiori.config.cli.tag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TagCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DANISH =
      "11010131323334353637383930000000000000610C444B373631353030000000";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new TagCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private JsonNode json() throws Exception {
    return JSON.readTree(out.toString());
  }

  @Test
  void decodesIso28560Part3() throws Exception {
    assertThat(run("decode", "--hex", DANISH)).isZero();
    JsonNode j = json();
    assertThat(j.get("format").asText()).isEqualTo("iso28560-3");
    assertThat(j.get("version").asInt()).isEqualTo(1);
    assertThat(j.get("usage").asInt()).isEqualTo(1);
    assertThat(j.get("parts").asInt()).isEqualTo(1);
    assertThat(j.get("part").asInt()).isEqualTo(1);
    assertThat(j.get("itemId").asText()).isEqualTo("1234567890");
    assertThat(j.get("country").asText()).isEqualTo("DK");
    assertThat(j.get("isil").asText()).isEqualTo("761500");
    assertThat(j.get("crcValid").asBoolean()).isTrue();
    assertThat(j.get("quirks").isArray()).isTrue();
    assertThat(out.toString().trim().lines()).hasSize(1);
  }

  @Test
  void corruptedCopyIsCrcInvalid() throws Exception {
    String corrupted = DANISH.substring(0, 10) + "39" + DANISH.substring(12);
    assertThat(run("decode", "--hex", corrupted)).isZero();
    assertThat(json().get("format").asText()).isEqualTo("iso28560-3");
    assertThat(json().get("crcValid").asBoolean()).isFalse();
  }

  @Test
  void acceptsSpacedHexAndBlockReversedDump() throws Exception {
    StringBuilder reversed = new StringBuilder();
    for (int b = 0; b < DANISH.length(); b += 8) {
      String block = DANISH.substring(b, b + 8);
      for (int i = 6; i >= 0; i -= 2) {
        reversed.append(block, i, i + 2).append(' ');
      }
    }
    assertThat(run("decode", "--hex", reversed.toString())).isZero();
    assertThat(json().get("itemId").asText()).isEqualTo("1234567890");
    assertThat(json().get("quirks").get(0).asText()).isEqualTo("block-reversed");
  }

  @Test
  void decodesRfid501() throws Exception {
    String hex = "04110001" + "31333032303030313233000000000000" + "00100BB9" + "00000007";
    assertThat(run("decode", "--hex", hex)).isZero();
    JsonNode j = json();
    assertThat(j.get("format").asText()).isEqualTo("rfid501");
    assertThat(j.get("set").asInt()).isEqualTo(1);
    assertThat(j.get("total").asInt()).isEqualTo(1);
    assertThat(j.get("type").asInt()).isEqualTo(1);
    assertThat(j.get("barcode").asText()).isEqualTo("1302000123");
    assertThat(j.get("branch").asInt()).isEqualTo(1);
    assertThat(j.get("library").asInt()).isEqualTo(3001);
    assertThat(j.get("custom").asInt()).isEqualTo(7);
  }

  @Test
  void unknownDataIsReportedNotFailed() throws Exception {
    assertThat(run("decode", "--hex", "FFFF")).isZero();
    assertThat(json().get("format").asText()).isEqualTo("unknown");
  }

  @Test
  void badHexIsUsageError() {
    assertThat(run("decode", "--hex", "12G4")).isEqualTo(2);
    assertThat(err.toString()).contains("--hex");
    assertThat(run("decode", "--hex", "123")).isEqualTo(2);
  }

  @Test
  void missingSubcommandIsUsageError() {
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void encodeRoundTrips() throws Exception {
    assertThat(run("encode", "--item-id", "1234567890", "--country", "DK", "--isil", "761500"))
        .isZero();
    assertThat(out.toString().trim()).isEqualTo(DANISH);
  }

  @Test
  void encodeMultiPart() {
    assertThat(
            run(
                "encode",
                "--item-id",
                "30001234567890",
                "--parts",
                "2",
                "--part",
                "1",
                "--country",
                "JP",
                "--isil",
                "JP-1234567"))
        .isZero();
    assertThat(out.toString().trim())
        .isEqualTo("1102013330303031323334353637383930000090DA4A504A502D3132333435363700");
  }

  @Test
  void encodeRejectsBadValues() {
    assertThat(run("encode", "--item-id", "12345678901234567")).isEqualTo(2);
    assertThat(run("encode", "--item-id", "1", "--parts", "1", "--part", "2")).isEqualTo(2);
    assertThat(run("encode", "--item-id", "1", "--country", "jpn")).isEqualTo(2);
    assertThat(run("encode")).isEqualTo(2);
  }

  @Test
  void helpIsOk() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("decode").contains("encode");
  }
}
