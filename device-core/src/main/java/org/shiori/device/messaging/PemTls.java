package org.shiori.device.messaging;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Builds a TLS socket factory from PEM files (the form Mosquitto and openssl use), so a device
 * needs no Java key store: trust only the tenant CA, present the device certificate.
 */
public final class PemTls {
  private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

  private PemTls() {}

  public static SSLSocketFactory socketFactory(TlsFiles files) {
    try {
      List<X509Certificate> ca = certificates(files.caCertificate());
      List<X509Certificate> chain = certificates(files.clientCertificate());
      PrivateKey key = privateKey(files.clientKey());

      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < ca.size(); i++) {
        trust.setCertificateEntry("ca-" + i, ca.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);

      KeyStore identity = KeyStore.getInstance("PKCS12");
      identity.load(null, null);
      identity.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(identity, IN_MEMORY_PASSWORD);

      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot build TLS identity from PEM files: " + e, e);
    }
  }

  static List<X509Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    List<X509Certificate> out = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          out.add(converter.getCertificate(holder));
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": no PEM certificate found");
    }
    return out;
  }

  static PrivateKey privateKey(Path file) throws IOException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    }
    throw new IllegalArgumentException(file + ": no unencrypted PEM private key found");
  }
}
