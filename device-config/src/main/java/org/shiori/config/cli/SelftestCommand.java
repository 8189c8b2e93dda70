package org.shiori.config.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLSocket;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.config.SecretFiles;
import org.shiori.config.TlsSettings;
import org.shiori.config.pki.PemIdentity;
import org.shiori.config.pki.Pki;
import org.shiori.config.reader.ConfiguredReaders;
import org.shiori.rfid.reader.TagReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code selftest}: checks a provisioned device part by part and prints a pass/fail table; exit 0
 * only when nothing failed and nothing was left unrun. While the service runs it holds the reader,
 * so the reader's state is then taken from the service's admin API; the GPIO lines and the printer
 * it holds are not touched then (BUSY, exit 3). Checks of upper modules come in as {@link
 * SelftestCheck}s.
 */
@Command(
    name = "selftest",
    mixinStandardHelpOptions = true,
    description = {
      "Check a provisioned device: configuration, secrets (0600), certificate and clock, broker",
      "over TLS with the device certificate, disk space, reader, card scanners, and where the",
      "device has them the gate's light and buzzer and the kiosk's receipt printer (test page).",
      "Prints PASS, FAIL, SKIP (not on this device) or BUSY (held by the running service) per",
      "check. Exit 0: all passed; 1: a check failed; 3: none failed, but BUSY checks were not run",
      "(stop shiori-kiosk or shiori-gate to run them)."
    })
final class SelftestCommand implements Callable<Integer> {
  private static final long MIN_FREE_BYTES = 200L * 1024 * 1024;

  /** Nothing of this software existed before; a clock before it has never been set. */
  private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2025-01-01T00:00:00Z");

  @Spec CommandSpec spec;

  @Mixin DeviceConfigFile config;

  private final Clock clock = Clock.systemUTC();

  /** What {@link SelftestResult} this command's own checks make, kept short. */
  private record Result(String check, boolean passed, String detail) {
    SelftestResult line() {
      return passed ? SelftestResult.pass(check, detail) : SelftestResult.fail(check, detail);
    }
  }

  /** Exit code: nothing failed, but checks of parts the running service holds were not run. */
  static final int NOT_ALL_RUN = 3;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Result> results = new ArrayList<>();
    DeviceConfig device;
    try {
      device = DeviceConfigLoader.load(config.path());
      results.add(new Result("configuration", true, config.path().toString()));
    } catch (ConfigException e) {
      results.add(
          new Result(
              "configuration",
              false,
              e.errors().stream().map(ConfigError::toString).findFirst().orElse("invalid")));
      print(out, results.stream().map(Result::line).toList());
      return 1;
    }
    results.add(secret("tenant key", device.privacy().tenantKeyFile(), 16));
    results.add(secret("admin token", device.dataDir().resolve(AdminClient.TOKEN_FILE), 16));
    device.broker().tls().ifPresent(tls -> results.add(certificate(device, tls)));
    results.add(clock(device));
    results.add(broker(device));
    results.add(disk(device));
    results.add(reader(device));
    cardScanners(device).forEach(results::add);
    List<SelftestResult> lines = new ArrayList<>(results.stream().map(Result::line).toList());
    lines.addAll(contributed(device, new SelftestContext(clock, RunningService.find())));
    print(out, lines);
    return exitCode(lines);
  }

  /**
   * The checks of the modules above this one (light and buzzer, receipt printer), as the class path
   * holds them. A check that throws is a FAIL line, never the end of the self-test.
   */
  private static List<SelftestResult> contributed(DeviceConfig device, SelftestContext context) {
    List<SelftestResult> lines = new ArrayList<>();
    java.util.Iterator<SelftestCheck> checks = ServiceLoader.load(SelftestCheck.class).iterator();
    String lastError = "";
    while (true) {
      SelftestCheck check;
      try {
        if (!checks.hasNext()) {
          return lines;
        }
        check = checks.next();
      } catch (java.util.ServiceConfigurationError e) {
        // A damaged installation: say so and go on with the checks that do load, unless the
        // loader cannot get past this one (it only makes a best effort to).
        String error = String.valueOf(e.getMessage());
        if (error.equals(lastError)) {
          return lines;
        }
        lastError = error;
        lines.add(SelftestResult.fail("selftest", "a check could not be loaded: " + error));
        continue;
      }
      try {
        lines.addAll(check.run(device, context));
      } catch (RuntimeException e) {
        lines.add(
            SelftestResult.fail(check.getClass().getSimpleName(), "the check itself failed: " + e));
      }
    }
  }

  static int exitCode(List<SelftestResult> lines) {
    if (lines.stream().anyMatch(r -> r.outcome() == SelftestResult.Outcome.FAIL)) {
      return 1;
    }
    return lines.stream().anyMatch(r -> r.outcome() == SelftestResult.Outcome.BUSY)
        ? NOT_ALL_RUN
        : 0;
  }

  private static Result secret(String name, Path file, int minBytes) {
    try {
      if (!Files.exists(file)) {
        return new Result(name, false, file + " missing");
      }
      SecretFiles.requireOwnerOnly(file);
      long size = Files.size(file);
      return size >= minBytes
          ? new Result(name, true, file + " (0600, " + size + " bytes)")
          : new Result(
              name, false, file + " has " + size + " bytes, at least " + minBytes + " needed");
    } catch (IOException e) {
      return new Result(name, false, e.getMessage());
    }
  }

  private Result certificate(DeviceConfig device, TlsSettings tls) {
    try {
      X509Certificate cert = Pki.readCertificate(tls.cert());
      X509Certificate ca = Pki.readCertificate(tls.ca());
      cert.verify(ca.getPublicKey());
      String cn = Pki.commonName(cert).orElse("");
      if (!cn.equals(device.deviceId())) {
        return new Result(
            "certificate", false, "CN " + cn + " is not the device id " + device.deviceId());
      }
      SecretFiles.requireOwnerOnly(tls.key());
      cert.checkValidity(java.util.Date.from(clock.instant()));
      return new Result(
          "certificate",
          true,
          "CN " + cn + ", signed by the tenant CA, valid until " + cert.getNotAfter().toInstant());
    } catch (IOException | GeneralSecurityException e) {
      return new Result("certificate", false, e.getMessage());
    }
  }

  private Result clock(DeviceConfig device) {
    Instant now = clock.instant();
    if (now.isBefore(EARLIEST_PLAUSIBLE)) {
      return new Result(
          "clock", false, now + " is before " + EARLIEST_PLAUSIBLE + ": set the time (NTP)");
    }
    return new Result("clock", true, now.atZone(device.zone()).toString());
  }

  /** A TLS handshake with the device certificate and an MQTT 5 CONNECT the broker accepts. */
  private static Result broker(DeviceConfig device) {
    if (device.broker().tls().isEmpty()) {
      return new Result("broker", false, device.broker().url() + " is not TLS");
    }
    TlsSettings tls = device.broker().tls().get();
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(device.broker().host(), device.broker().port()), 5000);
      plain.setSoTimeout(5000);
      try (SSLSocket socket =
          (SSLSocket)
              PemIdentity.socketFactory(tls.ca(), tls.cert(), tls.key())
                  .createSocket(plain, device.broker().host(), device.broker().port(), true)) {
        var params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        OutputStream out = socket.getOutputStream();
        out.write(connect(device.deviceId() + "-selftest"));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int type = in.readUnsignedByte();
        in.readUnsignedByte(); // remaining length, small for a CONNACK
        in.readUnsignedByte(); // acknowledge flags
        int reason = in.readUnsignedByte();
        out.write(new byte[] {(byte) 0xE0, 0});
        if (type != 0x20 || reason != 0) {
          return new Result(
              "broker",
              false,
              device.broker().url()
                  + " refused the connection (reason 0x"
                  + Integer.toHexString(reason)
                  + ")");
        }
        return new Result(
            "broker",
            true,
            device.broker().url()
                + " over "
                + socket.getSession().getProtocol()
                + ", MQTT 5 accepted");
      }
    } catch (IOException | GeneralSecurityException e) {
      return new Result("broker", false, device.broker().url() + ": " + e.getMessage());
    }
  }

  /** An MQTT 5 CONNECT: clean start, 30 s keep-alive, no properties, no credentials. */
  static byte[] connect(String clientId) {
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 30, 0});
    body.write(id.length >> 8);
    body.write(id.length & 0xFF);
    body.writeBytes(id);
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(0x10);
    int length = body.size();
    do {
      int digit = length % 128;
      length /= 128;
      packet.write(length > 0 ? digit | 0x80 : digit);
    } while (length > 0);
    packet.writeBytes(body.toByteArray());
    return packet.toByteArray();
  }

  private static Result disk(DeviceConfig device) {
    try {
      Path dir = device.dataDir();
      long free = Files.getFileStore(Files.exists(dir) ? dir : dir.getRoot()).getUsableSpace();
      return free >= MIN_FREE_BYTES
          ? new Result("disk", true, free / (1024 * 1024) + " MB free in " + dir)
          : new Result(
              "disk",
              false,
              "only " + free / (1024 * 1024) + " MB free in " + dir + ", 200 MB needed");
    } catch (IOException e) {
      return new Result("disk", false, e.getMessage());
    }
  }

  /** The running service's reader state, or, with the service stopped, one inventory round. */
  private static Result reader(DeviceConfig device) {
    try {
      JsonNode reader = AdminClient.of(device).get("/admin/status").path("reader");
      boolean ok = reader.path("answering").asBoolean(false);
      return new Result(
          "reader", ok, "as the running " + device.role().configName() + " reports it: " + reader);
    } catch (IOException e) {
      // Service not running: try the reader directly below.
    }
    try (TagReader reader =
        ConfiguredReaders.open(device.reader(), ConfiguredReaders.REPLY_TIMEOUT)) {
      int tags = reader.inventory(java.util.OptionalInt.empty()).size();
      return new Result(
          "reader",
          true,
          device.reader().protocol() + " answered, " + tags + " tag(s) in the field");
    } catch (Exception e) {
      return new Result("reader", false, device.reader().protocol() + ": " + e.getMessage());
    }
  }

  /**
   * Every configured scanner's device node: there, and openable by this user (the service's user
   * needs the {@code input} group for evdev, {@code dialout} for a serial scanner).
   */
  private static List<Result> cardScanners(DeviceConfig device) {
    List<Result> results = new ArrayList<>();
    device
        .card()
        .evdev()
        .ifPresent(e -> results.add(deviceNode("card scanner", "card.evdev.path", e.path())));
    device
        .card()
        .serial()
        .ifPresent(s -> results.add(deviceNode("card scanner", "card.serial.port", s.port())));
    return results;
  }

  private static Result deviceNode(String check, String field, String path) {
    Path node = Path.of(path);
    if (!java.nio.file.Files.exists(node)) {
      return new Result(check, false, field + " " + path + ": no such device (plugged in?)");
    }
    if (!java.nio.file.Files.isReadable(node)) {
      return new Result(
          check, false, field + " " + path + ": not readable by this user (group input/dialout?)");
    }
    try (var in = java.nio.file.Files.newInputStream(node)) {
      return new Result(check, true, field + " " + path + " opens for reading");
    } catch (IOException e) {
      return new Result(check, false, field + " " + path + ": " + e.getMessage());
    }
  }

  private static void print(PrintWriter out, List<SelftestResult> lines) {
    for (SelftestResult r : lines) {
      out.printf("%-4s  %-13s %s%n", r.outcome(), r.check(), r.detail());
    }
    out.println(summary(lines));
    out.flush();
  }

  static String summary(List<SelftestResult> lines) {
    java.util.Map<SelftestResult.Outcome, Long> counts =
        lines.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    SelftestResult::outcome, java.util.stream.Collectors.counting()));
    long passed = counts.getOrDefault(SelftestResult.Outcome.PASS, 0L);
    long failed = counts.getOrDefault(SelftestResult.Outcome.FAIL, 0L);
    long skipped = counts.getOrDefault(SelftestResult.Outcome.SKIP, 0L);
    long busy = counts.getOrDefault(SelftestResult.Outcome.BUSY, 0L);
    long run = passed + failed;
    String rest =
        (busy > 0 ? ", " + busy + " not run while the service runs (BUSY)" : "")
            + (skipped > 0 ? ", " + skipped + " skipped (not on this device)" : "");
    if (failed > 0) {
      return failed + " of " + run + " checks failed" + rest;
    }
    return "all " + run + " checks passed" + rest;
  }
}
