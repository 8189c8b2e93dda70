package org.shiori.central.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.config.CentralConfigException;
import org.shiori.central.config.CentralConfigReader;
import org.shiori.central.mqtt.CentralLink;
import org.shiori.central.mqtt.NoDelaySockets;
import org.shiori.central.mqtt.PemTls;
import org.shiori.central.mqtt.PublishException;
import org.shiori.protocol.ManagementCommand;
import org.shiori.protocol.ManagementCommand.Kind;
import org.shiori.protocol.ManagementResult;
import org.shiori.protocol.PayloadException;
import org.shiori.protocol.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code central command --config FILE --device D resync|restart|rotate-logs|config-update FILE}:
 * sends one management command to a device and prints its results until the final one (a
 * configuration update is answered "accepted" first, then "done" or "rolled-back" once the device
 * has restarted). See docs/operations.md, "Remote management".
 */
@Command(
    name = "command",
    mixinStandardHelpOptions = true,
    description = {
      "Sends a management command to one device and prints its result.",
      "COMMAND is resync, restart, rotate-logs or config-update (with the new configuration file).",
      "Over TLS give the certificate and key of the central-admin identity (docs/mosquitto/acl):",
      "central's own certificate would take over the running central's connection.",
      "Exit code: 0 done, 1 refused, failed or rolled back, 2 usage or configuration, 4 no answer."
    })
public final class ManageCommand implements Callable<Integer> {
  static final int NOT_DONE = 1;
  static final int NO_ANSWER = 4;

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, description = "central's YAML configuration")
  Path config;

  @Option(names = "--device", required = true, description = "the device id")
  String device;

  @Option(
      names = "--certificate",
      description = "PEM certificate of the central-admin identity (required over TLS)")
  Path certificate;

  @Option(names = "--key", description = "its PKCS#8 key (required over TLS)")
  Path key;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "300",
      description = "how long to wait for the final result (default: ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Parameters(
      index = "0",
      paramLabel = "COMMAND",
      description = "resync, restart, rotate-logs, config-update")
  String command;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "FILE",
      description = "for config-update: the new configuration")
  Path document;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Kind> kind = Kind.ofWireName(command);
    if (kind.isEmpty() || (kind.get() == Kind.CONFIG_UPDATE) != (document != null)) {
      err.println(
          "error: COMMAND must be resync, restart, rotate-logs or config-update FILE, not '"
              + command
              + (document == null ? "" : " " + document)
              + "'");
      err.flush();
      return CentralCommand.CONFIG_ERROR;
    }
    CentralConfig c;
    ManagementCommand sent;
    try {
      c = CentralConfigReader.read(config);
      Topics.requireSegment("--device", device);
      UUID id = UUID.randomUUID();
      sent =
          kind.get() == Kind.CONFIG_UPDATE
              ? ManagementCommand.configUpdate(id, device, readDocument(document))
              : ManagementCommand.of(id, device, kind.get());
    } catch (CentralConfigException | IllegalArgumentException | IOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return CentralCommand.CONFIG_ERROR;
    }
    if (c.broker().tls().isPresent() && (certificate == null || key == null)) {
      err.println(
          "error: the broker is reached over TLS: give --certificate and --key of the"
              + " central-admin identity");
      err.flush();
      return CentralCommand.CONFIG_ERROR;
    }
    Topics topics = new Topics(c.tenant());
    BlockingQueue<ManagementResult> results = new LinkedBlockingQueue<>();
    try (CentralLink link =
        new CentralLink(
            c.broker().url(),
            c.instanceId() + "-command-" + sent.id().toString().substring(0, 8),
            sockets(c),
            c.broker().keepAlive())) {
      link.subscribe(
          topics.manageResult(device),
          delivery -> {
            try {
              ManagementResult r = ManagementResult.decode(delivery.message().payload());
              if (r.id().equals(Optional.of(sent.id()))) {
                results.add(r);
              }
            } catch (PayloadException e) {
              err.println("unreadable result ignored: " + e.getMessage());
            } finally {
              delivery.done();
            }
          });
      link.start();
      if (!link.awaitConnected(Duration.ofSeconds(30))) {
        err.println("error: broker " + c.broker().url() + " not reached within 30 s");
        err.flush();
        return NO_ANSWER;
      }
      link.publish(topics.manage(device), sent.encode());
      out.printf("sent %s to %s (id %s)%n", kind.get().wireName(), device, sent.id());
      out.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      while (true) {
        ManagementResult r =
            results.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (r == null) {
          err.println(
              "error: no final answer from "
                  + device
                  + " within "
                  + timeoutSeconds
                  + " s (is it online? docs/operations.md)");
          err.flush();
          return NO_ANSWER;
        }
        out.printf("%s: %s%n", r.status().wireName(), r.detail());
        out.flush();
        if (r.status().isFinal()) {
          return r.status() == ManagementResult.Status.DONE ? 0 : NOT_DONE;
        }
      }
    } catch (PublishException e) {
      err.println("error: command not sent: " + e.getMessage());
      err.flush();
      return NO_ANSWER;
    }
  }

  private SocketFactory sockets(CentralConfig c) throws IOException, GeneralSecurityException {
    if (c.broker().tls().isEmpty()) {
      return new NoDelaySockets();
    }
    return PemTls.socketFactory(
        new CentralConfig.Tls(c.broker().tls().get().caCertificate(), certificate, key));
  }

  /** The new configuration as strict UTF-8 text, at most a configuration file's size. */
  private static String readDocument(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": not a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(ManagementCommand.MAX_DOCUMENT_CHARS + 1);
    }
    if (bytes.length > ManagementCommand.MAX_DOCUMENT_CHARS) {
      throw new IOException(
          file + ": larger than " + ManagementCommand.MAX_DOCUMENT_CHARS / 1024 + " KiB");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(file + ": not UTF-8 text", e);
    }
  }
}
