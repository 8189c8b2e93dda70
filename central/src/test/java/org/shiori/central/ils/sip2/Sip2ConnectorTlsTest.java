package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.ils.IlsCheckout;
import org.shiori.central.ils.IlsUnavailableException;

/** {@link Sip2Connector} over TLS to a fake ACS with a self-signed certificate. */
class Sip2ConnectorTlsTest {
  private static final Clock CLOCK = Sip2TestSettings.clock();
  private static TestCertificates certificates;
  private static FakeSip2Server server;

  @BeforeAll
  static void startTlsServer(@TempDir Path directory) throws Exception {
    certificates = TestCertificates.create(directory);
    server =
        Sip2ConnectorTest.library(
                FakeSip2Server.builder(CLOCK).tls(certificates.serverContext()).build())
            .start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static Sip2Settings tlsSettings() {
    return Sip2TestSettings.builder().port(server.port()).tls(true).build();
  }

  @Test
  void checkoutOverTlsWithATrustedCertificateIsAccepted() throws Exception {
    try (Sip2Connector connector =
        new Sip2Connector(tlsSettings(), CLOCK, certificates.trustingClientContext())) {
      assertThat(connector.heartbeat().online()).isTrue();
      assertThat(
              connector
                  .checkout(IlsCheckout.now(Sip2ConnectorTest.CARD, Sip2ConnectorTest.BOOK))
                  .isAccepted())
          .isTrue();
    }
  }

  @Test
  void untrustedCertificateIsUnavailable() throws Exception {
    try (Sip2Connector connector =
        new Sip2Connector(tlsSettings(), CLOCK, TestCertificates.trustingNothingContext())) {
      assertThatThrownBy(connector::heartbeat).isInstanceOf(IlsUnavailableException.class);
    }
  }

  @Test
  void plainClientAgainstTheTlsPortIsUnavailableNotHanging() throws Exception {
    Sip2Settings plain = Sip2TestSettings.builder().port(server.port()).build();
    try (Sip2Connector connector = new Sip2Connector(plain, CLOCK)) {
      assertThatThrownBy(connector::heartbeat).isInstanceOf(IlsUnavailableException.class);
    }
  }

  @Test
  void tlsContextWithSettingsThatSayPlainIsRefused() throws Exception {
    Sip2Settings plain = Sip2TestSettings.builder().port(server.port()).build();
    assertThatThrownBy(() -> new Sip2Connector(plain, CLOCK, certificates.trustingClientContext()))
        .isInstanceOf(Sip2SettingsException.class)
        .hasMessageContaining("tls");
  }
}
