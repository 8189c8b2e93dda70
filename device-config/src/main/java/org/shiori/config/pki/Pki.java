package org.shiori.config.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The tenant's small PKI, in the files Mosquitto and openssl read: EC P-256 keys as unencrypted
 * PKCS#8 PEM (mode 0600), X.509 certificates and PKCS#10 requests as PEM, SHA-256 with ECDSA. A
 * device certificate's common name is the device id (the broker's ACL uses it as the user name).
 */
public final class Pki {
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Pki() {}

  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is part of every Java runtime", e);
    }
  }

  /** The tenant CA: self-signed, may sign end-entity certificates only (path length 0). */
  public static X509Certificate selfSignedCa(
      KeyPair key, String commonName, Instant now, Duration valid) {
    X500Name name = cn(commonName);
    try {
      X509v3CertificateBuilder b = builder(name, name, key.getPublic(), now, valid);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key.getPublic()));
      return sign(b, key.getPrivate());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the CA certificate: " + e, e);
    }
  }

  /** A certificate request whose subject is {@code CN=commonName}. */
  public static PKCS10CertificationRequest request(KeyPair key, String commonName) {
    try {
      return new JcaPKCS10CertificationRequestBuilder(cn(commonName), key.getPublic())
          .build(signer(key.getPrivate()));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign the request: " + e, e);
    }
  }

  /** The common name of a request, after its signature is checked. */
  public static String verifiedCommonName(PKCS10CertificationRequest request) throws IOException {
    try {
      boolean valid =
          request.isSignatureValid(
              new JcaContentVerifierProviderBuilder()
                  .build(new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo())));
      if (!valid) {
        throw new IOException("the request's signature is not valid");
      }
    } catch (OperatorCreationException | PKCSException e) {
      throw new IOException("the request's signature cannot be checked: " + e.getMessage(), e);
    }
    return commonName(request.getSubject())
        .orElseThrow(() -> new IOException("the request has no common name (CN)"));
  }

  /** What a certificate is for. */
  public enum Purpose {
    /** A device or central client: TLS client authentication. */
    CLIENT(KeyPurposeId.id_kp_clientAuth),
    /** The broker: TLS server authentication, with its names as subject alternative names. */
    SERVER(KeyPurposeId.id_kp_serverAuth);

    private final KeyPurposeId oid;

    Purpose(KeyPurposeId oid) {
      this.oid = oid;
    }
  }

  /**
   * Issues an end-entity certificate signed by the CA.
   *
   * @param dnsNames and {@code ipAddresses}: subject alternative names (for the broker)
   */
  public static X509Certificate issue(
      X509Certificate ca,
      PrivateKey caKey,
      SubjectPublicKeyInfo subjectKey,
      String commonName,
      Purpose purpose,
      List<String> dnsNames,
      List<String> ipAddresses,
      Instant now,
      Duration valid) {
    try {
      X500Name issuer = new X509CertificateHolder(ca.getEncoded()).getSubject();
      PublicKey publicKey = new JcaPEMKeyConverter().getPublicKey(subjectKey);
      X509v3CertificateBuilder b = builder(issuer, cn(commonName), publicKey, now, valid);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose.oid));
      b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
      List<GeneralName> names = new ArrayList<>();
      dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
      for (String ip : ipAddresses) {
        InetAddress.getByName(requireIpLiteral(ip));
        names.add(new GeneralName(GeneralName.iPAddress, ip));
      }
      if (!names.isEmpty()) {
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(names.toArray(GeneralName[]::new)));
      }
      return sign(b, caKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot issue the certificate: " + e.getMessage(), e);
    }
  }

  private static String requireIpLiteral(String ip) {
    if (!ip.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      throw new IllegalArgumentException("not an IP address: " + ip);
    }
    return ip;
  }

  private static X500Name cn(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  public static Optional<String> commonName(X500Name name) {
    RDN[] cn = name.getRDNs(BCStyle.CN);
    return cn.length == 1
        ? Optional.of(IETFUtils.valueToString(cn[0].getFirst().getValue()))
        : Optional.empty();
  }

  public static Optional<String> commonName(X509Certificate certificate) {
    try {
      return commonName(new X509CertificateHolder(certificate.getEncoded()).getSubject());
    } catch (IOException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, PublicKey key, Instant now, Duration valid) {
    BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
    return new JcaX509v3CertificateBuilder(
        issuer,
        serial,
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(valid)),
        subject,
        key);
  }

  private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder(SIGNATURE).build(key);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(b.build(signer(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  // ---- PEM files ----

  /** Writes a private key as PKCS#8 PEM, mode 0600 from the start (never readable by others). */
  public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    writeSecret(file, pem(new JcaPKCS8Generator(key, null).generate()));
  }

  public static void writePem(Path file, Object object) throws IOException {
    Files.writeString(file, pem(object), StandardCharsets.US_ASCII);
  }

  public static String pem(Object object) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(object);
    }
    return w.toString();
  }

  /** Creates {@code file} with mode 0600 and writes {@code text}; an existing file is replaced. */
  public static void writeSecret(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Path tmp =
        Files.createTempFile(
            parent,
            "." + file.getFileName(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static PrivateKey readPrivateKey(Path file) throws IOException {
    for (Object o : readPem(file)) {
      if (o instanceof PEMKeyPair pair) {
        return new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
        return new JcaPEMKeyConverter().getPrivateKey(info);
      }
    }
    throw new IOException(file + ": no unencrypted PEM private key");
  }

  public static X509Certificate readCertificate(Path file) throws IOException {
    for (Object o : readPem(file)) {
      if (o instanceof X509CertificateHolder holder) {
        try {
          return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
          throw new IOException(file + ": unreadable certificate: " + e.getMessage(), e);
        }
      }
    }
    throw new IOException(file + ": no PEM certificate");
  }

  public static PKCS10CertificationRequest readRequest(Path file) throws IOException {
    for (Object o : readPem(file)) {
      if (o instanceof PKCS10CertificationRequest r) {
        return r;
      }
    }
    throw new IOException(file + ": no PEM certificate request");
  }

  private static List<Object> readPem(Path file) throws IOException {
    if (Files.size(file) > 64 * 1024) {
      throw new IOException(file + ": larger than 64 KiB, not a PEM file");
    }
    List<Object> out = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        out.add(o);
      }
    } catch (RuntimeException e) {
      throw new IOException(file + ": not valid PEM (" + e.getClass().getSimpleName() + ")", e);
    }
    return out;
  }

  /** Whether the certificate holds the public key of {@code key}'s pair. */
  public static boolean matches(X509Certificate certificate, PublicKey key) {
    return certificate.getPublicKey().equals(key);
  }
}
