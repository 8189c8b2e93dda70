package org.shiori.gate.visitors;

import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.PacedPublisher;

/**
 * Publishes visitor counts on the device's event topic with QoS 1. While the link is down reports
 * wait in a bounded queue (oldest dropped first); each report carries the running total, so a lost
 * report leaves a visible gap rather than a wrong figure.
 */
public final class MqttVisitorReports implements VisitorReports, AutoCloseable {
  private static final int QUEUED_REPORTS = 288;

  private final PacedPublisher sender;
  private final String topic;

  public MqttVisitorReports(MqttLink link, String deviceId) {
    this.sender = new PacedPublisher(link, 2, QUEUED_REPORTS);
    this.topic = link.topics().event(deviceId);
  }

  @Override
  public void publish(VisitorCount count) {
    sender.send(PacedPublisher.Outgoing.of(topic, count.encode()));
  }

  @Override
  public void close() {
    sender.close();
  }
}
