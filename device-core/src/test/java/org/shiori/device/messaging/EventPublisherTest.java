package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shiori.device.testing.MessagingRig;
import org.shiori.protocol.DeviceEvent;
import org.shiori.protocol.PayloadException;

class EventPublisherTest {
  private static final Instant AT = Instant.parse("2026-11-21T01:02:03Z");

  @Test
  void aGateAlarmEncodesToExactBytesWithItemAndTitleOnly() throws PayloadException {
    DeviceEvent e =
        new DeviceEvent(
            DeviceEvent.Type.GATE_ALARM,
            "gate-1",
            AT,
            Optional.of("1000123456"),
            Optional.of("吾輩は猫である"),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty());
    assertThat(new String(e.encode(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"schemaVersion\":1,\"type\":\"gate-alarm\",\"deviceId\":\"gate-1\","
                + "\"at\":\"2026-11-21T01:02:03Z\",\"itemId\":\"1000123456\","
                + "\"title\":\"吾輩は猫である\",\"txId\":null,\"code\":null,\"count\":null}");
    assertThat(DeviceEvent.decode(e.encode())).isEqualTo(e);
  }

  @Test
  void eventsReachCentral() {
    try (MessagingRig rig = MessagingRig.plain("t1")) {
      MqttLink gate = rig.deviceLink("gate-1");
      EventPublisher events = rig.track(new EventPublisher(gate, Clock.fixed(AT, ZoneOffset.UTC)));
      // Queued while the link is still down, sent on connect.
      events.gateAlarm("1000123456", "吾輩は猫である");
      gate.start();
      events.transactionRejected(UUID.randomUUID(), "1000123456", "PATRON_BLOCKED");
      events.outboxFull(5000);
      events.tamper("ENCLOSURE_OPEN");
      events.unauthorisedAccess("ADMIN_LOGIN_FAILED");
      await(
          Duration.ofSeconds(30),
          () -> rig.central().events().size() == 5,
          () -> "events " + rig.central().events());
      assertThat(rig.central().events())
          .extracting(DeviceEvent::type)
          .containsExactly(
              DeviceEvent.Type.GATE_ALARM,
              DeviceEvent.Type.TX_REJECTED,
              DeviceEvent.Type.OUTBOX_FULL,
              DeviceEvent.Type.TAMPER,
              DeviceEvent.Type.UNAUTHORISED_ACCESS);
      assertThat(rig.central().events().get(0).title()).contains("吾輩は猫である");
      assertThat(rig.central().events().get(2).count()).hasValue(5000);
    }
  }
}
