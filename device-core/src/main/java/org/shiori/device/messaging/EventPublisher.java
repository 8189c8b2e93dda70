package org.shiori.device.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.DeviceEvent;
import org.shiori.protocol.Topics;

/**
 * Publishes staff events of this device with QoS 1. Events wait in a bounded memory queue while the
 * link is down; they are notices, not records (transactions go through the durable outbox).
 */
public final class EventPublisher implements AutoCloseable {
  private final PacedPublisher sender;
  private final Clock clock;
  private final String deviceId;
  private final String topic;

  /**
   * @param link a device link
   * @param clock the device clock
   */
  public EventPublisher(MqttLink link, Clock clock) {
    this.sender = new PacedPublisher(link, 4, 200);
    this.clock = clock;
    this.deviceId =
        link.settings()
            .deviceId()
            .orElseThrow(() -> new IllegalArgumentException("events need a device link"));
    this.topic = link.topics().event(deviceId);
  }

  /** An item not on loan passed the gate: item id and title, never a patron. */
  public void gateAlarm(String itemId, String title) {
    publish(
        DeviceEvent.Type.GATE_ALARM,
        Optional.of(itemId),
        Optional.of(title),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty());
  }

  public void transactionRejected(UUID txId, String itemId, String reasonCode) {
    publish(
        DeviceEvent.Type.TX_REJECTED,
        Optional.of(itemId),
        Optional.empty(),
        Optional.of(txId),
        Optional.of(reasonCode),
        OptionalLong.empty());
  }

  public void outboxFull(int pending) {
    publish(
        DeviceEvent.Type.OUTBOX_FULL,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.of(pending));
  }

  /**
   * @param code what was tampered with, e.g. {@code ENCLOSURE_OPEN}, {@code READER_REMOVED}
   */
  public void tamper(String code) {
    publish(
        DeviceEvent.Type.TAMPER,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(Topics.requireSegment("code", code)),
        OptionalLong.empty());
  }

  /**
   * @param code what was attempted, e.g. {@code ADMIN_LOGIN_FAILED}
   */
  public void unauthorisedAccess(String code) {
    publish(
        DeviceEvent.Type.UNAUTHORISED_ACCESS,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(Topics.requireSegment("code", code)),
        OptionalLong.empty());
  }

  /**
   * A policy or calendar document from central was refused; the one in use stays.
   *
   * @param dataset {@code POLICY} or {@code CALENDAR}
   * @param version the refused version
   */
  public void documentRefused(Dataset dataset, long version) {
    publish(
        DeviceEvent.Type.DOCUMENT_REFUSED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(dataset.name() + "_REFUSED"),
        OptionalLong.of(version));
  }

  /** A patron asked for help at the kiosk screen: staff should come to the device. */
  public void helpRequested() {
    publish(
        DeviceEvent.Type.HELP_REQUESTED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty());
  }

  /**
   * @param code what the receipt printer needs, e.g. {@code PAPER_OUT}
   */
  public void printerProblem(String code) {
    publish(
        DeviceEvent.Type.PRINTER_PROBLEM,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(Topics.requireSegment("code", code)),
        OptionalLong.empty());
  }

  private void publish(
      DeviceEvent.Type type,
      Optional<String> itemId,
      Optional<String> title,
      Optional<UUID> txId,
      Optional<String> code,
      OptionalLong count) {
    DeviceEvent e =
        new DeviceEvent(type, deviceId, clock.instant(), itemId, title, txId, code, count);
    sender.send(PacedPublisher.Outgoing.of(topic, e.encode()));
  }

  @Override
  public void close() {
    sender.close();
  }
}
