package org.shiori.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.SocatPtyPair;
import picocli.CommandLine;

@Timeout(60)
class EmulatorCommandTest {
  @Test
  void servesTagsOnAPty() throws Exception {
    try (SocatPtyPair ptys = SocatPtyPair.start()) {
      EmulatorCommand cmd = new EmulatorCommand();
      CommandLine cli = new CommandLine(cmd);
      StringWriter out = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      CompletableFuture<Integer> run =
          CompletableFuture.supplyAsync(
              () ->
                  cli.execute(
                      "--protocol",
                      "3m810",
                      "--port",
                      ptys.first(),
                      "--tag",
                      "E004010012345678=1234567890",
                      "--afi",
                      "0xD7"));
      try (ThreeMReader reader =
          new ThreeMReader(
              new SerialTransport(SerialSettings.threeM(ptys.second())), Duration.ofSeconds(2))) {
        TagUid uid = TagUid.fromHex("E004010012345678");
        assertThat(inventory(reader)).extracting(InventoryEntry::uid).containsExactly(uid);
        assertThat(reader.readAfi(uid)).isEqualTo(0xD7);
        assertThat(LibraryTagCodec.decode(reader.readBlocks(uid, 0, 8)).itemId())
            .isEqualTo("1234567890");
      } finally {
        cmd.stop();
      }
      assertThat(run.get()).isZero();
      assertThat(out.toString()).contains("3m810 emulator");
    }
  }

  @Test
  void badArgumentsAreUsageErrors() {
    CommandLine cli = new CommandLine(new EmulatorCommand());
    cli.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cli.execute("--protocol", "acme", "--port", "x")).isEqualTo(2);
    assertThat(cli.execute("--protocol", "feig", "--port", "x", "--tag", "E0=1")).isEqualTo(2);
  }

  @Test
  void helpNamesEveryEmulatedReaderAndTheCommandsOwnName() {
    CommandLine cli = new CommandLine(new EmulatorCommand());
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString())
        .startsWith("Usage: reader-emulator")
        .contains("FEIG", "3M 810", "CR95HF", "cr95hf");
  }

  /** The emulator thread may still be starting: the first exchange can time out. */
  private static java.util.List<InventoryEntry> inventory(ThreeMReader reader) throws Exception {
    Exception last = null;
    for (int i = 0; i < 10; i++) {
      try {
        return reader.inventory(OptionalInt.empty());
      } catch (org.shiori.rfid.reader.ReaderTimeoutException e) {
        last = e;
      }
    }
    throw last;
  }
}
