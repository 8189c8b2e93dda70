package org.shiori.config.cli.pki;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.shiori.config.pki.Pki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ca init | sign | broker-cert}: the tenant CA for a library without its own PKI. The CA
 * directory holds {@code ca.pem} (give it to every device and the broker) and {@code ca.key} (0600;
 * keep it off the devices, on the technician's laptop or an offline machine).
 */
@Command(
    name = "ca",
    mixinStandardHelpOptions = true,
    description =
        "A tenant CA for libraries without a PKI: make it, sign device requests, make"
            + " the broker's certificate.",
    subcommands = {CaCommand.Init.class, CaCommand.Sign.class, CaCommand.BrokerCert.class})
public final class CaCommand implements Callable<Integer> {
  static final String CA_CERT = "ca.pem";
  static final String CA_KEY = "ca.key";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  /** The CLI is the edge: its certificates start now. */
  private static final Clock clock = Clock.systemUTC();

  /** {@code ca init}: a new CA key and self-signed certificate. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Make the tenant CA: DIR/ca.key (EC P-256, mode 0600) and DIR/ca.pem.")
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "CA directory.")
    Path dir;

    @Option(names = "--tenant", required = true, description = "The tenant, e.g. matsuyama.")
    String tenant;

    @Option(
        names = "--days",
        defaultValue = "3650",
        description = "Validity (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
        names = "--force",
        description = "Replace an existing CA (every device must be re-signed).")
    boolean force;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Files.createDirectories(dir);
      if (!force && (Files.exists(dir.resolve(CA_KEY)) || Files.exists(dir.resolve(CA_CERT)))) {
        return refuse(spec, dir.resolve(CA_KEY) + " already exists; --force replaces the CA");
      }
      KeyPair key = Pki.newKeyPair();
      X509Certificate ca =
          Pki.selfSignedCa(key, "Shiori " + tenant + " CA", clock.instant(), Duration.ofDays(days));
      Pki.writePrivateKey(dir.resolve(CA_KEY), key.getPrivate());
      Pki.writePem(dir.resolve(CA_CERT), ca);
      out.println(
          "CA key:         " + dir.resolve(CA_KEY) + " (mode 0600; keep it off the devices)");
      out.println("CA certificate: " + dir.resolve(CA_CERT) + " (valid " + days + " days)");
      out.println("Next: device-config ca broker-cert --dir " + dir + " --host BROKER_HOST");
      out.flush();
      return 0;
    }
  }

  /** {@code ca sign}: a device's request into its client certificate. */
  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = "Sign a device's request (CN = device id) as a TLS client certificate.")
  static final class Sign implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "CA directory.")
    Path dir;

    @Option(
        names = "--csr",
        required = true,
        paramLabel = "FILE",
        description = "The device's device.csr.")
    Path csr;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Certificate to write.")
    Path out;

    @Option(
        names = "--days",
        defaultValue = "825",
        description = "Validity (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws IOException {
      PKCS10CertificationRequest request;
      String cn;
      try {
        request = Pki.readRequest(csr);
        cn = Pki.verifiedCommonName(request);
      } catch (IOException e) {
        return refuse(spec, csr + ": " + e.getMessage());
      }
      if (!cn.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
        return refuse(spec, csr + ": CN '" + cn + "' is not a device id (1-64 of [A-Za-z0-9_.-])");
      }
      X509Certificate ca = Pki.readCertificate(dir.resolve(CA_CERT));
      PrivateKey caKey = Pki.readPrivateKey(dir.resolve(CA_KEY));
      X509Certificate cert =
          Pki.issue(
              ca,
              caKey,
              request.getSubjectPublicKeyInfo(),
              cn,
              Pki.Purpose.CLIENT,
              List.of(),
              List.of(),
              clock.instant(),
              Duration.ofDays(days));
      Pki.writePem(out, cert);
      PrintWriter w = spec.commandLine().getOut();
      w.println("Signed " + cn + ": " + out + " (TLS client, valid " + days + " days)");
      w.println(
          "Next, on the device: device-config provision ... --certificate "
              + out
              + " --ca "
              + dir.resolve(CA_CERT));
      w.flush();
      return 0;
    }
  }

  /** {@code ca broker-cert}: the broker's key and server certificate. */
  @Command(
      name = "broker-cert",
      mixinStandardHelpOptions = true,
      description =
          "Make the broker's key and TLS server certificate, with its host names and"
              + " addresses as subject alternative names.")
  static final class BrokerCert implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "CA directory.")
    Path dir;

    @Option(
        names = "--host",
        required = true,
        description = "Broker host name the devices use (repeatable).")
    List<String> hosts;

    @Option(names = "--ip", description = "Broker IP address the devices may use (repeatable).")
    List<String> ips = List.of();

    @Option(
        names = "--out-dir",
        paramLabel = "DIR",
        description = "Where broker.pem and broker.key go (default: the CA directory).")
    Path outDir;

    @Option(
        names = "--days",
        defaultValue = "825",
        description = "Validity (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws IOException {
      Path target = outDir == null ? dir : Files.createDirectories(outDir);
      X509Certificate ca = Pki.readCertificate(dir.resolve(CA_CERT));
      PrivateKey caKey = Pki.readPrivateKey(dir.resolve(CA_KEY));
      KeyPair key = Pki.newKeyPair();
      X509Certificate cert;
      try {
        cert =
            Pki.issue(
                ca,
                caKey,
                SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()),
                hosts.get(0),
                Pki.Purpose.SERVER,
                hosts,
                ips,
                clock.instant(),
                Duration.ofDays(days));
      } catch (IllegalArgumentException e) {
        return refuse(spec, e.getMessage());
      }
      Pki.writePrivateKey(target.resolve("broker.key"), key.getPrivate());
      Pki.writePem(target.resolve("broker.pem"), cert);
      PrintWriter w = spec.commandLine().getOut();
      w.println("Broker key:         " + target.resolve("broker.key") + " (mode 0600)");
      w.println(
          "Broker certificate: "
              + target.resolve("broker.pem")
              + " for "
              + String.join(", ", hosts)
              + (ips.isEmpty() ? "" : ", " + String.join(", ", ips)));
      w.println(
          "Install them for Mosquitto owned by its user: chown mosquitto: broker.key (docs/operations.md)");
      w.flush();
      return 0;
    }
  }

  static int refuse(CommandSpec spec, String why) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: " + why);
    err.flush();
    return 1;
  }
}
