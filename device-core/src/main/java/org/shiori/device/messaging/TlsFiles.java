package org.shiori.device.messaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * PEM files of a TLS client identity.
 *
 * @param caCertificate the CA that signed the broker's certificate (trust anchor)
 * @param clientCertificate this client's certificate, optionally followed by its chain
 * @param clientKey this client's private key (PKCS#8 or traditional PEM, unencrypted)
 */
public record TlsFiles(Path caCertificate, Path clientCertificate, Path clientKey) {
  public TlsFiles {
    Objects.requireNonNull(caCertificate, "caCertificate");
    Objects.requireNonNull(clientCertificate, "clientCertificate");
    Objects.requireNonNull(clientKey, "clientKey");
  }
}
