package org.shiori.device.testing;

import org.shiori.device.messaging.TlsFiles;
import org.shiori.testkit.ClientCertificate;

/** Turns the test kit's client certificates into the link's TLS settings. */
public final class TestTls {
  private TestTls() {}

  public static TlsFiles files(ClientCertificate c) {
    return new TlsFiles(c.caCertificate(), c.certificate(), c.key());
  }
}
