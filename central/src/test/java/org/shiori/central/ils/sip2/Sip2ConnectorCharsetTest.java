package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shiori.central.ils.IlsCheckin;
import org.shiori.central.ils.IlsCheckout;
import org.shiori.central.ils.IlsItem;
import org.shiori.central.ils.IlsLoan;
import org.shiori.central.ils.IlsResult;

/** Titles and locations in Shift_JIS and IBM850 over real TCP. */
class Sip2ConnectorCharsetTest {
  private static final Clock CLOCK = Sip2TestSettings.clock();
  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  @Test
  void shiftJisTitlesRoundTripIncludingOneWithATrailByteLikeTheDelimiter() throws Exception {
    try (FakeSip2Server server =
            Sip2ConnectorTest.library(FakeSip2Server.builder(CLOCK).charset(SHIFT_JIS).build())
                .start();
        Sip2Connector connector =
            new Sip2Connector(
                Sip2TestSettings.builder().port(server.port()).charset(SHIFT_JIS).build(), CLOCK)) {
      IlsResult<IlsLoan> loan =
          connector.checkout(IlsCheckout.now(Sip2ConnectorTest.CARD, Sip2ConnectorTest.OTHER_BOOK));
      IlsResult<IlsItem> item = connector.itemInfo(Sip2ConnectorTest.HELD_BOOK);

      assertThat(((IlsResult.Accepted<IlsLoan>) loan).value().title()).contains("ポケット図鑑");
      assertThat(((IlsResult.Accepted<IlsItem>) item).value().title()).contains("吾輩は猫である");
    }
  }

  @Test
  void shiftJisLocationTravelsAsShiftJisBytes() throws Exception {
    try (FakeSip2Server server =
            Sip2ConnectorTest.library(FakeSip2Server.builder(CLOCK).charset(SHIFT_JIS).build())
                .start();
        Sip2Connector connector =
            new Sip2Connector(
                Sip2TestSettings.builder().port(server.port()).charset(SHIFT_JIS).build(), CLOCK)) {
      server.lend(Sip2ConnectorTest.BOOK, Sip2ConnectorTest.CARD, Sip2ConnectorTest.DUE);
      IlsCheckin checkin =
          new IlsCheckin(
              Sip2ConnectorTest.BOOK,
              Optional.empty(),
              Optional.of("二階ポスト"),
              false,
              Optional.empty());

      assertThat(connector.checkin(checkin).isAccepted()).isTrue();

      byte[] raw = server.receivedRaw().get(server.receivedRaw().size() - 1);
      String expectedBody =
          "09N"
              + Sip2TestSettings.NOW_SIP2
              + Sip2TestSettings.NOW_SIP2
              + "AP二階ポスト|AOSHIORI|AB"
              + Sip2ConnectorTest.BOOK
              + "|ACtpw|AY2AZ";
      byte[] body = expectedBody.getBytes(SHIFT_JIS);
      assertThat(raw).isEqualTo(Sip2ResponseDecodingTest.withChecksum(body));
    }
  }

  @Test
  void ibm850AccentedTitleRoundTrips() throws Exception {
    Charset ibm850 = Charset.forName("IBM850");
    try (FakeSip2Server server =
            FakeSip2Server.builder(CLOCK)
                .charset(ibm850)
                .build()
                .addItem("1", "Les Misérables")
                .addPatron(Sip2ConnectorTest.CARD, Sip2ConnectorTest.PIN, "Jean")
                .start();
        Sip2Connector connector =
            new Sip2Connector(
                Sip2TestSettings.builder().port(server.port()).charset(ibm850).build(), CLOCK)) {
      IlsResult<IlsLoan> loan = connector.checkout(IlsCheckout.now(Sip2ConnectorTest.CARD, "1"));
      assertThat(((IlsResult.Accepted<IlsLoan>) loan).value().title()).contains("Les Misérables");
    }
  }
}
