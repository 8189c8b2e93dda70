package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain TCP is allowed to a loopback broker only, judged on the parsed address (P-TLS-1). */
class MqttLinkSettingsTest {
  private static MqttLinkSettings device(String url) {
    return MqttLinkSettings.device(URI.create(url), "t1", "kiosk-1", Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp://127.attacker.example:1883",
        "tcp://127.0.0.1.attacker.example:1883",
        "tcp://localhost.attacker.example:1883",
        "tcp://128.0.0.1:1883",
        "tcp://10.0.0.5:1883",
        "tcp://[::2]:1883",
        "tcp://[::ffff:8.8.8.8]:1883",
        "tcp://broker.example:1883"
      })
  void plainTcpToAnythingButALoopbackAddressIsRefused(String url) {
    assertThatThrownBy(() -> device(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tcp://127.0.0.1:1883",
        "tcp://127.1.2.3:1883",
        "tcp://localhost:1883",
        "tcp://[::1]:1883"
      })
  void plainTcpToALoopbackAddressIsAllowed(String url) {
    assertThat(device(url).encrypted()).isFalse();
  }

  @Test
  void theParsedAddressDecidesNotAPrefix() {
    assertThat(MqttLinkSettings.isLoopback("127.attacker.example")).isFalse();
    assertThat(MqttLinkSettings.isLoopback("127.0.0.256")).isFalse();
    assertThat(MqttLinkSettings.isLoopback("127.0.0.1")).isTrue();
  }
}
