package org.shiori.config.cli.pki;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.pki.Pki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code provision}: a device's configuration, key pair and certificate request, and (on a second
 * run, with {@code --certificate}) its signed certificate. The configuration is written only after
 * it passes the same validation as {@code validate}; nothing is overwritten without {@code
 * --force}.
 */
@Command(
    name = "provision",
    mixinStandardHelpOptions = true,
    description = {
      "Provision a kiosk or gate: write its configuration (mode 0600), make its key pair and",
      "certificate request (CN = device id), and install the signed certificate when given."
    })
public final class ProvisionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--role", required = true, description = "kiosk or gate.")
  String role;

  @Option(names = "--tenant", required = true, description = "The library system, e.g. matsuyama.")
  String tenant;

  @Option(names = "--branch", required = true, description = "The branch the device stands in.")
  String branch;

  @Option(
      names = "--device-id",
      required = true,
      description = "Unique id, also the certificate's CN.")
  String deviceId;

  @Option(
      names = "--broker",
      required = true,
      paramLabel = "URL",
      description = "ssl://HOST:PORT of the broker.")
  String broker;

  @Option(
      names = "--config",
      defaultValue = "/etc/shiori/device.yaml",
      paramLabel = "FILE",
      description = "Configuration to write (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--tls-dir",
      paramLabel = "DIR",
      description = "Key, request and certificates (default: tls/ beside the configuration).")
  Path tlsDir;

  @Option(
      names = "--data-dir",
      defaultValue = "/var/lib/shiori",
      paramLabel = "DIR",
      description = "The service's data (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--reader-protocol",
      defaultValue = "feig",
      description = "Reader protocol (default: ${DEFAULT-VALUE}).")
  String readerProtocol;

  @Option(
      names = "--reader-port",
      defaultValue = "/dev/ttyUSB0",
      description = "Reader serial port (default: ${DEFAULT-VALUE}).")
  String readerPort;

  @Option(
      names = "--policy",
      defaultValue = "matsuyama",
      description = "Lending policy until central sends one (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(
      names = "--zone",
      defaultValue = "Asia/Tokyo",
      description = "Time zone (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(
      names = "--ui-port",
      defaultValue = "8080",
      description = "Patron screen port, kiosk (default: ${DEFAULT-VALUE}).")
  int uiPort;

  @Option(
      names = "--admin-port",
      defaultValue = "8081",
      description = "Admin API port (default: ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(
      names = "--light-pin",
      defaultValue = "17",
      description = "Gate alarm light GPIO (default: ${DEFAULT-VALUE}).")
  int lightPin;

  @Option(
      names = "--buzzer-pin",
      defaultValue = "27",
      description = "Gate buzzer GPIO (default: ${DEFAULT-VALUE}).")
  int buzzerPin;

  @Option(
      names = "--certificate",
      paramLabel = "FILE",
      description = "The certificate the CA signed for this device's request.")
  Path certificate;

  @Option(names = "--ca", paramLabel = "FILE", description = "The tenant CA certificate (ca.pem).")
  Path ca;

  @Option(
      names = "--force",
      description = "Overwrite an existing configuration, key or certificate.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path tls = tlsDir != null ? tlsDir : config.toAbsolutePath().getParent().resolve("tls");
    Path key = tls.resolve("device.key");
    Path csr = tls.resolve("device.csr");
    Path cert = tls.resolve("device.pem");
    Path caFile = tls.resolve("ca.pem");
    if (!role.equals("kiosk") && !role.equals("gate")) {
      return CaCommand.refuse(spec, "--role: found \"" + role + "\", allowed: kiosk, gate");
    }
    if (!broker.toLowerCase(Locale.ROOT).startsWith("ssl://")) {
      return CaCommand.refuse(
          spec,
          "--broker: found \""
              + broker
              + "\", allowed: ssl://HOST:PORT (a device always uses TLS, P-TLS-1)");
    }
    boolean installing = certificate != null;
    List<Path> wouldReplace = new ArrayList<>();
    if (!installing) {
      for (Path p : List.of(config, key, csr)) {
        if (Files.exists(p)) {
          wouldReplace.add(p);
        }
      }
    } else if (Files.exists(cert)) {
      wouldReplace.add(cert);
    }
    if (!force && !wouldReplace.isEmpty()) {
      return CaCommand.refuse(
          spec, "already provisioned: " + wouldReplace + " exist; --force overwrites");
    }
    Files.createDirectories(tls);
    String yaml = yaml(tls);
    if (!installing) {
      // Validate before writing anything; only the certificate may still be missing.
      List<ConfigError> errors = errorsExceptPendingCertificate(yaml, cert, caFile);
      if (!errors.isEmpty()) {
        errors.forEach(e -> spec.commandLine().getErr().println(e));
        spec.commandLine().getErr().flush();
        return 1;
      }
      KeyPair pair = Pki.newKeyPair();
      Pki.writePrivateKey(key, pair.getPrivate());
      Pki.writePem(csr, Pki.request(pair, deviceId));
      Pki.writeSecret(config, yaml);
      out.println("Configuration: " + config + " (mode 0600)");
      out.println("Device key:    " + key + " (EC P-256, mode 0600, never leaves the device)");
      out.println("Request:       " + csr + " (CN = " + deviceId + ")");
      out.println("Next steps:");
      out.println("  1. Sign the request with the tenant CA:");
      out.println(
          "       device-config ca sign --dir CA_DIR --csr " + csr + " --out " + deviceId + ".pem");
      out.println("  2. Install the certificate and the CA certificate here:");
      out.println(
          "       device-config provision "
              + repeatArgs()
              + " --certificate "
              + deviceId
              + ".pem --ca CA_DIR/ca.pem");
      out.println(
          "  3. Install the tenant key from central as "
              + dataDir.resolve("tenant.key")
              + " (mode 0600, owner shiori)");
      out.flush();
      return 0;
    }
    X509Certificate signed;
    PKCS10CertificationRequest request;
    try {
      signed = Pki.readCertificate(certificate);
      request = Pki.readRequest(csr);
    } catch (IOException e) {
      return CaCommand.refuse(spec, e.getMessage());
    }
    if (!SubjectPublicKeyInfo.getInstance(signed.getPublicKey().getEncoded())
        .equals(request.getSubjectPublicKeyInfo())) {
      return CaCommand.refuse(
          spec, certificate + " is not for this device's key " + key + " (sign " + csr + ")");
    }
    if (!Pki.commonName(signed).orElse("").equals(deviceId)) {
      return CaCommand.refuse(
          spec,
          certificate
              + ": CN is "
              + Pki.commonName(signed).orElse("missing")
              + ", not "
              + deviceId);
    }
    if (ca != null) {
      X509Certificate caCert = Pki.readCertificate(ca);
      try {
        signed.verify(caCert.getPublicKey());
      } catch (java.security.GeneralSecurityException e) {
        return CaCommand.refuse(spec, certificate + " is not signed by " + ca);
      }
      Pki.writePem(caFile, caCert);
    } else if (!Files.exists(caFile)) {
      return CaCommand.refuse(
          spec, "--ca: the tenant CA certificate is needed once (" + caFile + " is missing)");
    }
    Pki.writePem(cert, signed);
    try {
      DeviceConfig.fromYaml(Files.readString(config), config.toString());
    } catch (ConfigException e) {
      e.errors().forEach(err -> spec.commandLine().getErr().println(err));
      spec.commandLine().getErr().flush();
      return 1;
    }
    out.println(
        "Certificate:   "
            + cert
            + " (CN = "
            + deviceId
            + ", valid until "
            + signed.getNotAfter().toInstant()
            + ")");
    out.println("CA:            " + caFile);
    out.println("Configuration " + config + " is valid.");
    out.println("Next steps:");
    out.println(
        "  sudo chown -R root:shiori "
            + tls
            + " && sudo chmod 0640 "
            + tls
            + "/*.pem && sudo chown shiori "
            + key);
    out.println("  sudo systemctl enable --now shiori-" + role + ".service");
    out.println(
        "  device-config selftest --config "
            + config
            + "   and   device-config status --config "
            + config);
    out.flush();
    return 0;
  }

  private String repeatArgs() {
    return "--role "
        + role
        + " --tenant "
        + tenant
        + " --branch "
        + branch
        + " --device-id "
        + deviceId
        + " --broker "
        + broker
        + " --config "
        + config;
  }

  private List<ConfigError> errorsExceptPendingCertificate(String yaml, Path cert, Path caFile) {
    try {
      DeviceConfig.fromYaml(yaml, config.toString());
      return List.of();
    } catch (ConfigException e) {
      List<ConfigError> left = new ArrayList<>();
      for (ConfigError error : e.errors()) {
        boolean pending =
            (error.field().equals("broker.tls.cert") && !Files.exists(cert))
                || (error.field().equals("broker.tls.ca") && !Files.exists(caFile))
                || (error.field().equals("broker.tls.key"));
        if (!pending) {
          left.add(error);
        }
      }
      return left;
    }
  }

  private String yaml(Path tls) {
    StringBuilder y = new StringBuilder();
    y.append("# Written by device-config provision. Check it with: device-config validate FILE\n");
    y.append("deviceId: ").append(deviceId).append('\n');
    y.append("role: ").append(role).append('\n');
    y.append("tenant: ").append(tenant).append('\n');
    y.append("branch: ").append(branch).append('\n');
    y.append("zone: ").append(zone).append('\n');
    y.append("\nbroker:\n  url: ").append(broker).append('\n');
    y.append("  tls:\n");
    y.append("    ca: ").append(tls.resolve("ca.pem").toAbsolutePath()).append('\n');
    y.append("    cert: ").append(tls.resolve("device.pem").toAbsolutePath()).append('\n');
    y.append("    key: ").append(tls.resolve("device.key").toAbsolutePath()).append('\n');
    y.append("\nreader:\n  protocol: ").append(readerProtocol).append('\n');
    if (!readerProtocol.equals("emulated")) {
      y.append("  port: ").append(readerPort).append('\n');
    }
    y.append("\ndataDir: ").append(dataDir.toAbsolutePath()).append('\n');
    y.append("privacy:\n  tenantKeyFile: ${dataDir}/tenant.key\n");
    if (role.equals("kiosk")) {
      y.append("\nui:\n  port: ").append(uiPort).append('\n');
      y.append("admin:\n  port: ").append(adminPort).append('\n');
      y.append("\npolicy: ").append(policy).append('\n');
    } else {
      // The gate serves only the admin API (status for the technician), no patron screen.
      y.append("\nadmin:\n  port: ").append(adminPort).append('\n');
      y.append("\ngate:\n  alarmMode: cross-check\n  lightPin: ").append(lightPin).append('\n');
      y.append("  buzzerPin: ").append(buzzerPin).append('\n');
    }
    return y.toString();
  }
}
