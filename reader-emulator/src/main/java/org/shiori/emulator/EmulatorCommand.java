package org.shiori.emulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.rfid.transport.Transport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs a reader emulator on a serial port (one end of a pty pair for demos) until stopped: {@code
 * --protocol feig --port /dev/pts/4 --tag E004010012345678=1234567890 --afi 0x07}.
 */
@Command(
    name = "reader-emulator",
    mixinStandardHelpOptions = true,
    description =
        "Serve an emulated FEIG, 3M 810 or ST CR95HF reader with virtual tags on a serial port.")
public final class EmulatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--protocol",
      required = true,
      description = "feig, 3m810 or cr95hf (the ST CR95HF reader).")
  String protocol;

  @Option(names = "--port", required = true, description = "Serial device to serve on.")
  String port;

  @Option(
      names = "--tag",
      description =
          "UID[=ITEM_ID]: a SLIX tag in the field, with an ISO 28560-3 block for ITEM_ID. Repeat.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--afi", defaultValue = "0x07", description = "AFI of every tag (default 0x07).")
  String afi;

  @Option(names = "--country", defaultValue = "JP", description = "Owner country on the tags.")
  String country;

  @Option(names = "--isil", defaultValue = "", description = "Owner ISIL on the tags.")
  String isil;

  @Option(
      names = "--real-time",
      description =
          "Answer no sooner than a real reader: byte time at the line's baud rate plus ISO 15693"
              + " air time (docs/rfid.md).")
  boolean realTime;

  @Option(
      names = "--write-time-ms",
      defaultValue = "20",
      description = "With --real-time: a tag's EEPROM programming time per write (default 20).")
  int writeTimeMs;

  private final CountDownLatch stop = new CountDownLatch(1);

  /** Ends a running {@link #call()} (for embedding and tests). */
  public void stop() {
    stop.countDown();
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    ReaderProtocol kind = parseProtocol();
    TagField field = new TagField();
    int afiValue = parseAfi();
    for (String t : tags) {
      field.put(tag(t, afiValue));
    }
    if (writeTimeMs < 0 || writeTimeMs > 20) {
      throw new ParameterException(
          spec.commandLine(),
          "--write-time-ms must be 0..20 (ISO 15693 bound), got " + writeTimeMs);
    }
    SerialSettings line = kind.serialDefaults(port);
    Transport transport = new SerialTransport(line);
    ReaderEmulator emulator = emulator(kind, transport, field);
    if (realTime) {
      emulator.setPacing(
          RealTimePacing.of(line, new Iso15693AirTime(Duration.ofMillis(writeTimeMs))));
    }
    emulator.start();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%s emulator on %s with %d tag(s)%s%n",
        kind,
        port,
        field.tags().size(),
        realTime ? ", real-time pacing at " + line.baud() + " baud" : "");
    out.flush();
    try {
      stop.await();
    } finally {
      emulator.close();
    }
    return 0;
  }

  private static ReaderEmulator emulator(ReaderProtocol kind, Transport t, TagField field) {
    switch (kind) {
      case FEIG:
        return new FeigReaderEmulator(t, field, 0);
      case THREEM810:
        return new ThreeMReaderEmulator(t, field);
      default:
        return new Cr95hfEmulator(t, field);
    }
  }

  private ReaderProtocol parseProtocol() {
    try {
      return ReaderProtocol.parse(protocol);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private int parseAfi() {
    String v = afi.toLowerCase(Locale.ROOT);
    try {
      int n = v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
      if (n >= 0 && n <= 255) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(spec.commandLine(), "--afi must be 0..255, got " + afi);
  }

  private VirtualTag tag(String spec, int afiValue) {
    String[] parts = spec.split("=", 2);
    try {
      TagUid uid = TagUid.fromHex(parts[0]);
      VirtualTag t =
          parts.length == 2
              ? VirtualTag.slix(
                  uid, LibraryTagCodec.encodeIso28560_3(parts[1], 1, 1, country, isil))
              : VirtualTag.slix(uid);
      t.setAfi(afiValue);
      return t;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          this.spec.commandLine(), "--tag " + spec + ": " + e.getMessage());
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EmulatorCommand()).execute(args));
  }
}
