package org.shiori.central.mqtt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.shiori.central.config.CentralConfig;

/**
 * TLS to the broker from PEM files with the JDK alone: the tenant CA as the only trust anchor,
 * central's certificate chain and its unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}, RSA or
 * EC). TLS 1.2 and 1.3 only; the broker's host name is verified against its certificate.
 */
public final class PemTls {
  private PemTls() {}

  public static SSLSocketFactory socketFactory(CentralConfig.Tls tls)
      throws IOException, GeneralSecurityException {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    int n = 0;
    for (Certificate ca : certificates(x509, tls.caCertificate())) {
      trust.setCertificateEntry("ca-" + n++, ca);
    }
    Certificate[] chain = certificates(x509, tls.certificate()).toArray(new Certificate[0]);
    PrivateKey key = privateKey(tls.privateKey(), chain[0].getPublicKey().getAlgorithm());
    KeyStore identity = KeyStore.getInstance("PKCS12");
    identity.load(null, null);
    char[] none = new char[0];
    identity.setKeyEntry("central", key, none, chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(identity, none);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return new HostVerifying(context.getSocketFactory());
  }

  private static Collection<? extends Certificate> certificates(CertificateFactory f, Path file)
      throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> all =
        f.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
    if (all.isEmpty()) {
      throw new GeneralSecurityException(file + " holds no certificate");
    }
    return all;
  }

  private static PrivateKey privateKey(Path file, String algorithm)
      throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException(
          file
              + ": expected an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert with"
              + " 'openssl pkcs8 -topk8 -nocrypt'");
    }
    String body = pem.substring(begin + 27, end).replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(body);
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /** Turns on host name verification (HTTPS rules) for every socket it makes. */
  private static final class HostVerifying extends SSLSocketFactory {
    private final SSLSocketFactory inner;

    HostVerifying(SSLSocketFactory inner) {
      this.inner = inner;
    }

    private java.net.Socket verify(java.net.Socket s) {
      if (s instanceof SSLSocket ssl) {
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        ssl.setSSLParameters(p);
      }
      return s;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return inner.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return inner.getSupportedCipherSuites();
    }

    @Override
    public java.net.Socket createSocket(java.net.Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return verify(inner.createSocket(s, host, port, autoClose));
    }

    @Override
    public java.net.Socket createSocket() throws IOException {
      return verify(inner.createSocket());
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws IOException {
      return verify(inner.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(
        String host, int port, java.net.InetAddress localHost, int localPort) throws IOException {
      return verify(inner.createSocket(host, port, localHost, localPort));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
      return verify(inner.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(
        java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort)
        throws IOException {
      return verify(inner.createSocket(address, port, localAddress, localPort));
    }
  }
}
