package org.shiori.kiosk.app;

import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.OutboxPublisher;
import org.shiori.device.messaging.SyncSubscriber;

/**
 * The kiosk's started link to central.
 *
 * @param link the device's MQTT link
 * @param connectivity online or offline since when, as the link reports it
 * @param publisher drains the outbox over the link
 * @param sync keeps the store's data sets current
 */
public record CentralConnection(
    MqttLink link, LinkConnectivity connectivity, OutboxPublisher publisher, SyncSubscriber sync) {}
