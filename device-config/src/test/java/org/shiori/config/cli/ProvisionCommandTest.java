package org.shiori.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.config.pki.Pki;

/** Provisioning and the CA refuse what would make a device insecure or unidentifiable. */
class ProvisionCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
        .execute(args);
  }

  private String[] provision(String broker, String... more) {
    String[] base = {
      "provision",
      "--role",
      "kiosk",
      "--tenant",
      "matsuyama",
      "--branch",
      "central",
      "--device-id",
      "kiosk-1",
      "--broker",
      broker,
      "--config",
      dir.resolve("etc/device.yaml").toString(),
      "--data-dir",
      dir.resolve("data").toString(),
      "--reader-protocol",
      "emulated"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void plainTcpIsRefusedAndNothingIsWritten() {
    assertThat(run(provision("tcp://broker.example:1883"))).isEqualTo(1);
    assertThat(err.toString()).contains("--broker", "ssl://HOST:PORT", "P-TLS-1");
    assertThat(dir.resolve("etc/device.yaml")).doesNotExist();
  }

  @Test
  void aCertificateForAnotherKeyIsRefused() throws Exception {
    Path ca = dir.resolve("ca");
    assertThat(run("ca", "init", "--dir", ca.toString(), "--tenant", "matsuyama")).isZero();
    assertThat(run(provision("ssl://broker.example:8883"))).as(err.toString()).isZero();
    // A request from another key pair with the same CN, signed by the same CA.
    KeyPair other = Pki.newKeyPair();
    Path otherCsr = dir.resolve("other.csr");
    Pki.writePem(otherCsr, Pki.request(other, "kiosk-1"));
    Path otherCert = dir.resolve("other.pem");
    assertThat(
            run(
                "ca",
                "sign",
                "--dir",
                ca.toString(),
                "--csr",
                otherCsr.toString(),
                "--out",
                otherCert.toString()))
        .isZero();

    int exit =
        run(
            provision(
                "ssl://broker.example:8883",
                "--certificate",
                otherCert.toString(),
                "--ca",
                ca.resolve("ca.pem").toString()));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("is not for this device's key");
    assertThat(dir.resolve("etc/tls/device.pem")).doesNotExist();
  }

  @Test
  void aRequestWhoseNameIsNoDeviceIdIsNotSigned() throws Exception {
    Path ca = dir.resolve("ca");
    assertThat(run("ca", "init", "--dir", ca.toString(), "--tenant", "matsuyama")).isZero();
    Path csr = dir.resolve("bad.csr");
    Pki.writePem(csr, Pki.request(Pki.newKeyPair(), "kiosk 1/../central"));

    assertThat(
            run(
                "ca",
                "sign",
                "--dir",
                ca.toString(),
                "--csr",
                csr.toString(),
                "--out",
                dir.resolve("x.pem").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("is not a device id");
    assertThat(dir.resolve("x.pem")).doesNotExist();
  }

  @Test
  void theCaIsNotReplacedWithoutForce() throws Exception {
    Path ca = dir.resolve("ca");
    assertThat(run("ca", "init", "--dir", ca.toString(), "--tenant", "matsuyama")).isZero();
    String first = Files.readString(ca.resolve("ca.pem"));
    assertThat(run("ca", "init", "--dir", ca.toString(), "--tenant", "matsuyama")).isEqualTo(1);
    assertThat(Files.readString(ca.resolve("ca.pem"))).isEqualTo(first);
  }

  @Test
  void aGateIsProvisionedWithTheAdminPortItsStatusIsReadOn() throws Exception {
    String[] args = provision("ssl://broker.example:8883", "--admin-port", "9181");
    args[2] = "gate";
    args[8] = "gate-1";
    assertThat(run(args)).as(err.toString()).isZero();
    String yaml = Files.readString(dir.resolve("etc/device.yaml"));
    assertThat(yaml)
        .contains("role: gate", "admin:\n  port: 9181", "gate:\n")
        .doesNotContain("ui:");
  }
}
