package org.shiori.config.cli.reader;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.shiori.rfid.reader.ReaderOpening;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.ReaderProviders;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.transport.SerialSettings;
import picocli.CommandLine.Option;

/** Connection options shared by the reader subcommands. */
public final class ReaderOptions {
  @Option(names = "--port", required = true, description = "Serial device, e.g. /dev/ttyUSB0.")
  String port;

  @Option(
      names = "--protocol",
      required = true,
      converter = ProtocolConverter.class,
      description = "feig, 3m810 or cr95hf (emulated where the emulator is installed).")
  ReaderProtocol protocol;

  @Option(names = "--baud", description = "Baud rate (default: feig 38400, 3m810 19200).")
  Integer baud;

  @Option(
      names = "--parity",
      converter = ParityConverter.class,
      description = "none, even or odd (default: feig even, 3m810 none).")
  SerialSettings.Parity parity;

  @Option(
      names = "--bus-address",
      defaultValue = "255",
      description = "FEIG bus address, 255 = any reader (default).")
  int busAddress;

  @Option(
      names = "--timeout-ms",
      defaultValue = "1500",
      description = "How long to wait for each reply (default 1500).")
  int timeoutMs;

  /** picocli converter for {@link ReaderProtocol}. */
  public static final class ProtocolConverter
      implements picocli.CommandLine.ITypeConverter<ReaderProtocol> {
    @Override
    public ReaderProtocol convert(String value) {
      try {
        return ReaderProtocol.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** picocli converter for {@link SerialSettings.Parity}, case-insensitive. */
  public static final class ParityConverter
      implements picocli.CommandLine.ITypeConverter<SerialSettings.Parity> {
    @Override
    public SerialSettings.Parity convert(String value) {
      try {
        return SerialSettings.Parity.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "parity must be none, even or odd, got '" + value + "'");
      }
    }
  }

  SerialSettings serialSettings() {
    SerialSettings base = protocol.serialDefaults(port);
    return new SerialSettings(
        port,
        baud == null ? base.baud() : baud,
        parity == null ? base.parity() : parity,
        base.dataBits(),
        base.stopBits(),
        base.interByteTimeout());
  }

  TagReader open() throws IOException {
    return ReaderProviders.open(
        new ReaderOpening(
            protocol,
            protocol.needsPort() ? Optional.of(serialSettings()) : Optional.empty(),
            busAddress,
            Duration.ofMillis(timeoutMs)));
  }

  /** The site default when no security option is given: 3M sites use 0xD7/0xDA. */
  SecurityMode defaultSecurity() {
    return protocol.defaultSecurity();
  }
}
