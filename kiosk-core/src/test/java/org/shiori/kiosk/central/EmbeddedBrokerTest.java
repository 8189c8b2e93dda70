package org.shiori.kiosk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.kiosk.messaging.MqttLink;
import org.shiori.kiosk.messaging.MqttLinkSettings;
import org.shiori.kiosk.testing.FreePort;

class EmbeddedBrokerTest {
  @Test
  void pahoV5TalksToTheEmbeddedBroker(@TempDir Path dir) throws Exception {
    try (EmbeddedBroker broker = new EmbeddedBroker(FreePort.find(), dir)) {
      broker.start();
      MqttLinkSettings s =
          MqttLinkSettings.service(broker.url(), "demo", "probe", Optional.empty())
              .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500));
      try (MqttLink link = new MqttLink(s, Clock.systemUTC())) {
        CompletableFuture<String> got = new CompletableFuture<>();
        link.subscribe(
            "lib/demo/probe",
            1,
            m -> got.complete(new String(m.payload(), StandardCharsets.UTF_8)));
        link.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!link.isConnected() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(link.isConnected()).as("connected").isTrue();
        link.publish("lib/demo/probe", "hello".getBytes(StandardCharsets.UTF_8), 1, false)
            .get(10, TimeUnit.SECONDS);
        assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
      }
    }
  }
}
