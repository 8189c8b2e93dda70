package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shiori.central.ils.IlsCheckin;
import org.shiori.central.ils.IlsCheckout;
import org.shiori.central.ils.IlsRenewal;
import org.shiori.central.ils.IlsUnavailableException;
import org.slf4j.LoggerFactory;

/** Card numbers, PINs and passwords are never logged, not even at debug level or in errors. */
class Sip2ConnectorLoggingTest {
  private static final Clock CLOCK = Sip2TestSettings.clock();

  @Test
  void noCardNumberPinOrPasswordInAnyLogLine() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("org.shiori.central.ils");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try (FakeSip2Server server =
            Sip2ConnectorTest.library(FakeSip2Server.builder(CLOCK).build()).start();
        Sip2Connector connector =
            new Sip2Connector(Sip2TestSettings.builder().port(server.port()).build(), CLOCK)) {
      String card = Sip2ConnectorTest.CARD;
      String book = Sip2ConnectorTest.BOOK;
      connector.checkout(IlsCheckout.now(card, book).withPatronPin(Sip2ConnectorTest.PIN));
      connector.checkout(IlsCheckout.now(Sip2ConnectorTest.BLOCKED_CARD, book));
      connector.renew(IlsRenewal.now(card, book));
      connector.patronLoans(card, Optional.of(Sip2ConnectorTest.PIN));
      connector.checkin(IlsCheckin.now(book));
      server.lend(Sip2ConnectorTest.OTHER_BOOK, card, LocalDate.of(2026, 12, 9));
      server.corruptNextChecksum();
      connector.renew(IlsRenewal.now(card, Sip2ConnectorTest.OTHER_BOOK));
      server.dropNextReplyMidway();
      try {
        connector.checkout(IlsCheckout.now(card, book));
      } catch (IlsUnavailableException expected) {
        assertThat(expected.getMessage()).doesNotContain(card);
      }
    } finally {
      logger.detachAppender(appender);
    }

    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      lines.add(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        lines.add(t.getMessage());
      }
    }
    assertThat(lines).isNotEmpty();
    assertThat(String.join("\n", lines))
        .contains("11")
        .contains(Sip2ConnectorTest.BOOK)
        .doesNotContain(Sip2ConnectorTest.CARD)
        .doesNotContain(Sip2ConnectorTest.BLOCKED_CARD)
        .doesNotContain("|AD")
        .doesNotContain(Sip2ConnectorTest.PIN)
        .doesNotContain("secret")
        .doesNotContain("tpw");
  }
}
