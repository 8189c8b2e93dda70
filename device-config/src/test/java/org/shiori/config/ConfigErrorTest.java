package org.shiori.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigErrorTest {
  @Test
  void formatsFoundValue() {
    ConfigError error =
        new ConfigError(
            "kiosk.yaml",
            12,
            9,
            "reader.baud",
            "12345",
            "one of 9600, 19200, 38400, 57600, 115200");

    assertThat(error)
        .hasToString(
            "kiosk.yaml:12:9: reader.baud: found \"12345\", allowed: one of 9600, 19200, 38400,"
                + " 57600, 115200");
  }

  @Test
  void formatsMissingValue() {
    assertThat(new ConfigError("k.yaml", 1, 1, "tenant", null, "a-z"))
        .hasToString("k.yaml:1:1: tenant: missing, allowed: a-z");
  }

  @Test
  void formatsFileProblemsWithAndWithoutPosition() {
    assertThat(new ConfigError("k.yaml", 3, 4, "", "YAML syntax error: bad", ""))
        .hasToString("k.yaml:3:4: YAML syntax error: bad");
    assertThat(new ConfigError("k.yaml", 0, 0, "", "cannot read file: no such file", ""))
        .hasToString("k.yaml: cannot read file: no such file");
  }
}
