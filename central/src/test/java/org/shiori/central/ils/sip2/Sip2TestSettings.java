package org.shiori.central.ils.sip2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Settings and a clock shared by the SIP2 tests. */
final class Sip2TestSettings {
  /** 2026-12-01 10:02:03 in Tokyo. */
  static final Instant NOW = Instant.parse("2026-12-01T01:02:03Z");

  static final String NOW_SIP2 = "20261201    100203";

  private Sip2TestSettings() {}

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  static Sip2Settings.Builder builder() {
    return Sip2Settings.builder()
        .host("127.0.0.1")
        .port(6001)
        .institutionId("SHIORI")
        .locationCode("KIOSK1")
        .login("kiosk", "secret")
        .terminalPassword("tpw")
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2));
  }

  static Sip2Settings settings() {
    return builder().build();
  }
}
