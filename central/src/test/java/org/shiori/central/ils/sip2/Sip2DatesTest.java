package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class Sip2DatesTest {
  private final Sip2Dates dates = new Sip2Dates(Sip2TestSettings.clock(), ZoneId.of("Asia/Tokyo"));

  @Test
  void nowIsLocalTokyoTimeWithBlankZone() {
    assertThat(dates.now()).isEqualTo("20261201    100203").hasSize(18);
  }

  @Test
  void otherZoneFormatsInThatZone() {
    Sip2Dates utc = new Sip2Dates(Sip2TestSettings.clock(), ZoneId.of("UTC"));
    assertThat(utc.now()).isEqualTo("20261201    010203");
  }

  @Test
  void blankZoneIsReadAsTheConfiguredZoneAndZAsUtc() throws Exception {
    assertThat(dates.parse("20261201    100203"))
        .contains(ZonedDateTime.of(2026, 12, 1, 10, 2, 3, 0, ZoneId.of("Asia/Tokyo")));
    assertThat(dates.parse("20261201   Z010203").orElseThrow().toInstant())
        .isEqualTo(Sip2TestSettings.NOW);
  }

  @Test
  void badDateIsAProtocolError() {
    assertThatThrownBy(() -> dates.parse("2026120")).isInstanceOf(Sip2ProtocolException.class);
    assertThatThrownBy(() -> dates.parse("2026AB01    100203"))
        .isInstanceOf(Sip2ProtocolException.class);
    assertThatThrownBy(() -> dates.parse("20261201 XYZ100203"))
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("XYZ");
  }

  @Test
  void dueDatesInTheCommonFormatsAreUnderstood() {
    assertThat(dates.parseDueDate("20261215    235959")).contains(LocalDate.of(2026, 12, 15));
    assertThat(dates.parseDueDate("20261215   Z150000")).contains(LocalDate.of(2026, 12, 16));
    assertThat(dates.parseDueDate("2026-12-15")).contains(LocalDate.of(2026, 12, 15));
    assertThat(dates.parseDueDate("2026-12-15 23:59")).contains(LocalDate.of(2026, 12, 15));
    assertThat(dates.parseDueDate("20261215")).contains(LocalDate.of(2026, 12, 15));
    assertThat(dates.parseDueDate("15/12/2026")).isEmpty();
    assertThat(dates.parseDueDate("  ")).isEmpty();
  }
}
