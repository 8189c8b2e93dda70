package org.shiori.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for tests, written as PEM files: a tenant CA, a broker certificate for
 * 127.0.0.1/localhost, and client certificates whose common name is the MQTT identity (device id or
 * {@code central}). {@link #foreignClient} issues from another CA, which the broker must refuse.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private final Path dir;
  private final Authority ca;
  private final Authority foreign;

  private record Authority(X500Name name, KeyPair keys, X509Certificate cert) {}

  private TestCertificates(Path dir) throws GeneralSecurityException, IOException {
    this.dir = dir;
    this.ca = authority("Shiori Test Tenant CA");
    this.foreign = authority("Some Other CA");
    writePem(caCertificate(), ca.cert());
    KeyPair server = keyPair();
    X509Certificate serverCert =
        issue(ca, "localhost", server, KeyPurposeId.id_kp_serverAuth, true);
    writePem(serverCertificate(), serverCert);
    writePem(serverKey(), server.getPrivate());
  }

  public static TestCertificates create(Path dir) {
    try {
      Files.createDirectories(dir);
      return new TestCertificates(dir);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  public Path serverCertificate() {
    return dir.resolve("server.pem");
  }

  public Path serverKey() {
    return dir.resolve("server.key");
  }

  /** A client identity issued by the tenant CA; its CN becomes the broker user name. */
  public ClientCertificate client(String commonName) {
    return clientOf(ca, commonName, "client-" + commonName);
  }

  /** A client identity with the same CN issued by a CA the broker does not trust. */
  public ClientCertificate foreignClient(String commonName) {
    return clientOf(foreign, commonName, "foreign-" + commonName);
  }

  private ClientCertificate clientOf(Authority issuer, String commonName, String base) {
    try {
      KeyPair keys = keyPair();
      X509Certificate cert = issue(issuer, commonName, keys, KeyPurposeId.id_kp_clientAuth, false);
      Path certFile = dir.resolve(base + ".pem");
      Path keyFile = dir.resolve(base + ".key");
      writePem(certFile, cert);
      writePem(keyFile, keys.getPrivate());
      // A device refuses to start on a key others can read (as a technician's key must be 0600).
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
      return new ClientCertificate(caCertificate(), certFile, keyFile);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Authority authority(String cn) throws GeneralSecurityException {
    KeyPair keys = keyPair();
    X500Name name = new X500Name("CN=" + cn);
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(2))),
            name,
            keys.getPublic());
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new Authority(name, keys, sign(b, keys.getPrivate()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X509Certificate issue(
      Authority issuer, String cn, KeyPair subject, KeyPurposeId purpose, boolean server)
      throws GeneralSecurityException {
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuer.name(),
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            new X500Name("CN=" + cn),
            subject.getPublic());
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      if (server) {
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.dNSName, "localhost"),
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                }));
      }
      return sign(b, issuer.keys().getPrivate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return g.generateKeyPair();
  }

  private static void writePem(Path file, Object o) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      if (o instanceof PrivateKey key) {
        // PKCS#8 ("BEGIN PRIVATE KEY"), which OpenSSL and the device's PEM reader both take.
        pem.writeObject(new JcaPKCS8Generator(key, null));
      } else {
        pem.writeObject(o);
      }
    }
  }
}
