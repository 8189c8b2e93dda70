package org.shiori.config.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client identity from PEM files: trust only the tenant CA, present the device certificate.
 */
public final class PemIdentity {
  private static final char[] IN_MEMORY = "in-memory".toCharArray();

  private PemIdentity() {}

  public static SSLSocketFactory socketFactory(Path ca, Path cert, Path key)
      throws IOException, GeneralSecurityException {
    X509Certificate caCert = Pki.readCertificate(ca);
    X509Certificate deviceCert = Pki.readCertificate(cert);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", caCert);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyStore identity = KeyStore.getInstance("PKCS12");
    identity.load(null, null);
    identity.setKeyEntry(
        "device", Pki.readPrivateKey(key), IN_MEMORY, new Certificate[] {deviceCert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(identity, IN_MEMORY);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
    return context.getSocketFactory();
  }
}
